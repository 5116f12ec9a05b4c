"""Pictures made in memory for the tests: JPEGs with EXIF turns and GPS, PNGs, and a PNG
whose header claims more pixels than it holds."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageDraw

MARK = (0, 0, 0)
FILL = (220, 90, 40)


def encoded(image: Image.Image, orientation: int | None = None, *, gps: bool = False,
            quality: int = 95) -> bytes:
    """`image` as a JPEG, with an EXIF orientation and a GPS position when asked."""
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (37.0, 30.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, exif=exif.tobytes())
    return out.getvalue()


def jpeg(width: int, height: int, *, orientation: int | None = None, gps: bool = False,
         quality: int = 90) -> bytes:
    """A JPEG with a black mark in its top-left corner, as stored (before any EXIF turn)."""
    picture = Image.new("RGB", (width, height), FILL)
    ImageDraw.Draw(picture).rectangle((0, 0, width // 4, height // 4), fill=MARK)
    return encoded(picture, orientation, gps=gps, quality=quality)


def png(width: int, height: int, mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), (30, 60, 200, 255)[: len(mode)]).save(out, "PNG")
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb's shape."""
    data = bytearray(png(8, 8))
    header = bytearray(data[12:29])          # chunk type and the 13 bytes of IHDR
    header[4:12] = struct.pack(">II", width, height)
    data[12:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(header)))
    return bytes(data)


def gif_of_frames(frames: int, width: int, height: int) -> bytes:
    """A GIF whose screen is `width` × `height` and whose `frames` frames are one pixel each:
    a few bytes a frame, each of which a decoder paints onto the whole screen."""
    out = bytearray(b"GIF89a" + struct.pack("<HH", width, height) + b"\x80\x00\x00")
    out += b"\x00\x00\x00\xff\xff\xff"                       # a palette of two colours
    out += b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"     # loop forever
    for _ in range(frames):
        out += b"\x21\xf9\x04\x04\x01\x00\x00\x00"          # 1/100 s, keep the previous frame
        out += b"\x2c" + struct.pack("<HHHH", 0, 0, 1, 1) + b"\x00"
        out += b"\x02\x02\x44\x01\x00"                       # LZW: one pixel of colour 1
    return bytes(out + b"\x3b")
