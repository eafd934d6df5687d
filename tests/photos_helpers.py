"""Pictures for photo-evidence tests, drawn with Pillow (no files from outside)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def picture(width: int = 640, height: int = 480, fmt: str = "JPEG", label: str = "18.4",
            mode: str = "RGB") -> bytes:
    """A gradient with some text: compresses like a photo, decodes quickly at any size."""
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                                gradient.rotate(90, expand=False)))
    ImageDraw.Draw(image).text((width // 3, height // 3), label, fill=(255, 0, 0))
    if mode != "RGB":
        image = image.convert(mode)
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()
