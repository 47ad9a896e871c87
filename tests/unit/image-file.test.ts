import { describe, expect, it } from 'vitest';
import { imageFileProblem } from '../../src/lib/image-file.ts';

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part)),
  );

describe.each([
  { name: 'photo.png', head: bytes([0x89], 'PNG\r\n'), ok: true },
  { name: 'photo.JPG', head: bytes([0xff, 0xd8, 0xff, 0xe0]), ok: true },
  { name: 'photo.gif', head: bytes('GIF89a'), ok: true },
  { name: 'photo.webp', head: bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), ok: true },
  { name: 'photo.avif', head: bytes([0, 0, 0, 28], 'ftypavif'), ok: true },
  {
    name: 'chart.svg',
    head: bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'),
    ok: true,
  },
  { name: 'photo.png', head: bytes('plain text'), ok: false },
  { name: 'photo.jpg', head: bytes([0x89], 'PNG'), ok: false },
  { name: 'chart.svg', head: bytes('<html><script>'), ok: false },
  { name: 'helper.js', head: bytes('export default 1'), ok: false },
])('imageFileProblem($name, …)', ({ name, head, ok }) => {
  it(ok ? 'accepts it' : 'refuses it', () => {
    if (ok) expect(imageFileProblem(name, head)).toBeUndefined();
    else expect(imageFileProblem(name, head)).toMatch(/is not/);
  });
});
