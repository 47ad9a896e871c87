import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_PIXELS, photoSizeProblem } from '../../src/lib/image-file.ts';
import { oversizedPhotos } from '../../src/validation/registry-files.ts';

describe('photo size', () => {
  it.each([
    [6000, 4000, undefined],
    [8000, 7500, undefined],
    [8000, 7501, /is 8000×7501 pixels \(60 megapixels\); at most 60 megapixels/],
    [100_000, 100_000, /10000 megapixels/],
  ])('%i × %i', (width, height, problem) => {
    const found = photoSizeProblem(width, height);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it('measures files by their header: a decompression bomb is refused before anything decodes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'khabar-photo-size-'));
    const side = Math.ceil(Math.sqrt(MAX_PHOTO_PIXELS)) + 1;
    // A solid colour: tens of megapixels in a few kilobytes, as a bomb is.
    const bomb = join(dir, 'bomb.png');
    await sharp({ create: { width: side, height: side, channels: 3, background: '#888' } })
      .png({ compressionLevel: 9 })
      .toFile(bomb);
    const fine = join(dir, 'fine.jpg');
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#888' } })
      .jpeg()
      .toFile(fine);
    const broken = join(dir, 'broken.png');
    await writeFile(broken, 'not a picture');
    const problems = await oversizedPhotos([bomb, fine, broken], (path) =>
      path.slice(dir.length + 1),
    );
    expect(problems.map(({ file, message }) => `${file}: ${message}`)).toEqual([
      `bomb.png: the photo is ${side}×${side} pixels (${Math.round((side * side) / 1e6)} megapixels); at most 60 megapixels: resize it before publishing`,
    ]);
  }, 60_000);
});
