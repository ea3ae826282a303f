import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_MAX_EDGE, keptPhoto, PHOTO_MAX_EDGE } from './photo-processing.ts';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 60 } } });

describe('a listing photo as the marketplace keeps it', () => {
  it('is no larger than a page shows it, with a card copy, and without what the camera wrote in it', async () => {
    const upload = await solid(3000, 2000)
      .jpeg()
      .withExif({ IFD0: { Artist: 'Jānis Ozols', Model: 'Phone 12' }, IFD3: { GPSLatitudeRef: 'N' } })
      .toBuffer();
    expect((await sharp(upload).metadata()).exif).toBeDefined();

    const kept = await keptPhoto(upload, 'image/jpeg');
    if (!kept) throw new Error('the photo was not kept');
    expect(kept.contentType).toBe('image/jpeg');
    const photo = await sharp(kept.bytes).metadata();
    expect([photo.format, photo.width, photo.height]).toEqual(['jpeg', PHOTO_MAX_EDGE, 1067]);
    expect(photo.exif).toBeUndefined();
    const card = await sharp(kept.card).metadata();
    expect([card.format, card.width, card.height]).toEqual(['jpeg', CARD_MAX_EDGE, 427]);
    expect(card.exif).toBeUndefined();
  });

  it('is turned the way the camera was held', async () => {
    // Stored landscape, to be shown rotated a quarter turn (EXIF orientation 6): a portrait photo.
    const upload = await solid(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const kept = await keptPhoto(upload, 'image/jpeg');
    const photo = await sharp(kept?.bytes).metadata();
    expect([photo.width, photo.height, photo.orientation]).toEqual([200, 300, undefined]);
  });

  it('keeps a small image as it is sized and in its format', async () => {
    const upload = await solid(120, 80).png().toBuffer();
    const kept = await keptPhoto(upload, 'image/png');
    expect(kept?.contentType).toBe('image/png');
    const [photo, card] = await Promise.all([sharp(kept?.bytes).metadata(), sharp(kept?.card).metadata()]);
    expect([photo.format, photo.width, photo.height]).toEqual(['png', 120, 80]);
    expect([card.width, card.height]).toEqual([120, 80]);
  });

  it('is refused when it does not decode, or would unpack to more than 50 megapixels', async () => {
    const jpeg = await solid(64, 64).jpeg().toBuffer();
    const damaged = Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(400, 0x5a)]);
    expect(await keptPhoto(damaged, 'image/jpeg')).toBeNull();
    const huge = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: '#000' } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    expect(await keptPhoto(huge, 'image/png')).toBeNull();
  });
});
