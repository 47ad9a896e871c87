// The editing UI's entry point, bundled by src/integrations/decap-admin.ts. Decap CMS reads its
// configuration from /admin/config.yml, which src/pages/admin/config.yml.ts generates. Articles
// are read and written through Khabar's own frontmatter format (src/lib/cms-format.ts).
import CMS from 'decap-cms-app';
import { CMS_FORMAT, cmsFromFile, cmsToFile } from '../lib/cms-format.ts';

CMS.registerCustomFormat(CMS_FORMAT, 'md', { fromFile: cmsFromFile, toFile: cmsToFile });
CMS.init();
