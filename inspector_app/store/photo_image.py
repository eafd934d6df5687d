"""A photo made fit to keep: at most 2 megapixels, JPEG, upright, without its metadata.

Why Pillow and not Qt: the CLI, the tests and the office must prepare or check photos without a
display, and only `inspector_app/ui` may import Qt. Why re-encode every photo (even a small JPEG):
the stored bytes are what the sealed record's SHA-256 covers, so they should be one predictable
kind of file; re-encoding also drops EXIF (a phone photo may carry GPS and the camera's serial)
after applying its orientation, so a rotated phone photo is stored the way it was seen.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from inspector_app.core.errors import ValidationError

MAX_PIXELS = 2_000_000
MAX_PHOTO_BYTES = 4 * 1024 * 1024       # the office's cap on one photo
MAX_INPUT_BYTES = 64 * 1024 * 1024      # a file larger than this is not a camera photo
MAX_INPUT_PIXELS = 120_000_000          # a 108 MP phone photo passes; more is not a photo
JPEG_MIME = "image/jpeg"
_QUALITIES = (85, 75, 60, 45)


@dataclass(frozen=True)
class PreparedPhoto:
    """JPEG bytes ready to store, with their size in pixels."""

    data: bytes
    width: int
    height: int
    mime: str = JPEG_MIME


def target_size(width: int, height: int, max_pixels: int = MAX_PIXELS) -> tuple[int, int]:
    """The largest size with the same aspect ratio and at most `max_pixels` pixels."""
    if width * height <= max_pixels:
        return width, height
    scale = math.sqrt(max_pixels / (width * height))
    w, h = max(1, int(width * scale + 1e-6)), max(1, int(height * scale + 1e-6))
    while w * h > max_pixels:  # rounding can leave one row too many
        w, h = (w - 1, h) if w >= h else (w, h - 1)
    return w, h


def _unreadable(zh: str, en: str) -> ValidationError:
    return ValidationError(f"无法使用该照片：{zh}", f"cannot use the photo: {en}", field="photo")


def prepare_photo(data: bytes, max_pixels: int = MAX_PIXELS) -> PreparedPhoto:
    """Decode any image Pillow reads, turn it upright, downscale, re-encode as JPEG.

    Raises ValidationError (both languages) for bytes that are not a readable image or are too
    large to be a photo.
    """
    if len(data) > MAX_INPUT_BYTES:
        mb = MAX_INPUT_BYTES // 2**20
        raise _unreadable(f"文件超过 {mb} MB", f"the file is larger than {mb} MB")
    try:
        with warnings.catch_warnings():  # our own pixel cap below replaces Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_INPUT_PIXELS:
                raise _unreadable(f"{image.width}×{image.height} 像素，过大",
                                  f"{image.width}×{image.height} pixels is too many")
            w, h = target_size(image.width, image.height, max_pixels)
            image.draft("RGB", (w, h))  # JPEG: decode at a reduced scale, much faster
            image = ImageOps.exif_transpose(image)
            image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError,
            Image.DecompressionBombError) as exc:
        raise _unreadable(f"不是可识别的图片（{type(exc).__name__}）",
                          f"not an image it can read ({type(exc).__name__})") from exc
    if image.mode not in ("RGB", "L"):
        image = _flatten(image)
    w, h = target_size(image.width, image.height, max_pixels)
    if (w, h) != image.size:
        image = image.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
    for quality in _QUALITIES:
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality, optimize=True)
        if out.tell() <= MAX_PHOTO_BYTES:
            return PreparedPhoto(out.getvalue(), image.width, image.height)
    raise _unreadable("细节过多，压缩后仍超过 4 MB", "too detailed to fit 4 MB even at low quality")


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: transparency becomes the paper colour, palettes and CMYK become RGB."""
    if "A" in image.getbands() or image.mode == "P" and "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
