// The editing UI's entry point, bundled by src/integrations/decap-admin.ts. Decap CMS reads its
// configuration from /admin/config.yml, which src/pages/admin/config.yml.ts generates.
import CMS from 'decap-cms-app';

CMS.init();
