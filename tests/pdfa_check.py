#!/usr/bin/env python3
"""PDF/A-2 check (ISO 19005-2) of what a file can be checked for without
veraPDF, which no registry this project builds from carries: read with
pikepdf (qpdf) and the ICC profile with LittleCMS (Pillow's ImageCms),
readers independent of the ones that wrote the file.

Usage: pdfa_check.py FILE.pdf...  One line per fault, "ok FILE" per good
file; exit 1 when any file has a fault.

Checked:
- qpdf finds the file sound: cross-references, object streams, stream
  lengths;
- header version 1.x with a binary comment of four bytes over 127;
- no encryption, an identifier in the trailer;
- an XMP metadata stream, unfiltered, whose packet claims part 2 and a
  conformance level, and whose title, description, creator tool,
  producer and dates say what the document information says;
- one PDF/A output intent, whose ICC profile LittleCMS reads, of a display
  or printer class, with as many components as /N says; device colour
  spaces the pages use match it;
- every font embedded; no glyph drawn is .notdef; level U: every font
  maps to Unicode, never to U+0000, U+FEFF or U+FFFE;
- no LZW, no external streams, no JavaScript, no additional actions, no
  transfer functions, no embedded files.
Not checked: what needs a full PDF/A validator (font programs against
their widths, every XMP property's schema, colour in images).
"""

import io
import re
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import pikepdf
from pikepdf import Name
from PIL import ImageCms

import tagged_pdf  # beside this file: its report loop

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


def faults(path):
    out = []
    raw = open(path, "rb").read()
    header = raw[:64].split(b"\n")
    if not re.match(rb"%PDF-1\.[0-7]", header[0]):
        out.append(f"header: {header[0][:10]!r} is not PDF 1.0-1.7")
    if len(header) < 2 or not header[1].startswith(b"%") or \
            sum(b > 127 for b in header[1][1:5]) < 4:
        out.append("header: no binary comment of four bytes over 127")
    pdf = pikepdf.open(path)
    for problem in pdf.check_pdf_syntax():
        out.append(f"qpdf: {problem}")
    if "/Encrypt" in pdf.trailer:
        out.append("trailer: encrypted")
    ids = pdf.trailer.get("/ID")
    if ids is None or len(ids) != 2:
        out.append("trailer: no /ID of two strings")
    metadata(pdf, out)
    intent(pdf, out)
    fonts_and_glyphs(pdf, out)
    forbidden(pdf, out)
    return out


def metadata(pdf, out):
    meta = pdf.Root.get("/Metadata")
    if meta is None:
        return out.append("catalog: no /Metadata")
    if meta.get("/Filter") is not None:
        out.append("metadata: stream is filtered")
    if meta.get("/Type") != Name.Metadata or meta.get("/Subtype") != Name.XML:
        out.append("metadata: not /Type /Metadata /Subtype /XML")
    data = meta.read_bytes()
    head = re.search(rb"<\?xpacket begin=[^>]*\?>", data)
    if head is None or b"bytes=" in head.group(0):
        out.append("metadata: no xpacket header, or one with a bytes attribute")
    try:
        tree = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", data))
    except ET.ParseError as e:
        return out.append(f"metadata: not well-formed XML: {e}")

    def value(path):
        el = tree.find(".//rdf:Description/" + path, NS)
        if el is None:  # as an attribute of a description
            prefix, local = path.split(":", 1)
            for d in tree.iterfind(".//rdf:Description", NS):
                v = d.get("{%s}%s" % (NS[prefix], local.split("/")[0]))
                if v is not None:
                    return v
            return None
        return (el.text or "").strip()

    if value("pdfaid:part") != "2":
        out.append(f"metadata: pdfaid:part is {value('pdfaid:part')!r}, not 2")
    if value("pdfaid:conformance") not in ("A", "B", "U"):
        out.append(f"metadata: pdfaid:conformance {value('pdfaid:conformance')!r}")
    info = pdf.trailer.get("/Info") or {}
    pairs = [
        ("/Title", "dc:title/rdf:Alt/rdf:li"),
        ("/Subject", "dc:description/rdf:Alt/rdf:li"),
        ("/Creator", "xmp:CreatorTool"),
        ("/Producer", "pdf:Producer"),
        ("/Keywords", "pdf:Keywords"),
        ("/Author", "dc:creator/rdf:Seq/rdf:li"),
    ]
    for key, path in pairs:
        if key in info and str(info[key]) != (value(path) or ""):
            out.append(f"metadata: {path} {value(path)!r} is not {key} {str(info[key])!r}")
    for key, path in [("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")]:
        if key in info:
            a, b = pdf_date(str(info[key])), xmp_date(value(path) or "")
            if a is None or a != b:
                out.append(f"metadata: {path} {value(path)!r} is not {key} {str(info[key])!r}")


def pdf_date(s):
    m = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'?\d\d'?)?", s)
    if not m:
        return None
    y, mo, d, h, mi, sec, tz = m.groups()
    t = datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(sec or 0),
                 tzinfo=timezone.utc)
    if tz and tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        digits = tz[1:].replace("'", "")
        t = t - sign * (datetime(1970, 1, 1, int(digits[:2]), int(digits[2:4] or 0),
                                 tzinfo=timezone.utc) - datetime(1970, 1, 1, tzinfo=timezone.utc))
    return t


def xmp_date(s):
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return None


COMPONENTS = {"GRAY": 1, "RGB": 3, "CMYK": 4}


def intent(pdf, out):
    intents = [i for i in pdf.Root.get("/OutputIntents", [])
               if i.get("/S") == Name.GTS_PDFA1]
    spaces = device_spaces(pdf)
    if not intents:
        if spaces:
            out.append(f"no PDF/A output intent, yet the pages use {sorted(spaces)}")
        return
    profiles = {i.DestOutputProfile.objgen for i in intents if "/DestOutputProfile" in i}
    if len(profiles) != 1:
        return out.append("output intents: not exactly one destination profile")
    icc = intents[0].DestOutputProfile
    data = icc.read_bytes()
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data)).profile
    except Exception as e:
        return out.append(f"output intent: LittleCMS cannot read the profile: {e}")
    space = profile.xcolor_space.strip().upper()
    if profile.device_class not in ("mntr", "prtr"):
        out.append(f"output intent: profile class {profile.device_class!r}")
    if COMPONENTS.get(space) != int(icc.get("/N", 0)):
        out.append(f"output intent: /N {icc.get('/N')} for a {space} profile")
    for s in spaces:
        if s != "GRAY" and s != space:
            out.append(f"pages use Device{s.title()} under a {space} output intent")


def device_spaces(pdf):
    """Device colour spaces the page content uses; DeviceGray always,
    as the initial colour of text and lines."""
    used = {"GRAY"}
    for page in pdf.pages:
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("rg", "RG"):
                used.add("RGB")
            elif op in ("k", "K"):
                used.add("CMYK")
            elif op in ("cs", "CS") and str(operands[0]) in ("/DeviceRGB", "/DeviceCMYK"):
                used.add("RGB" if "RGB" in str(operands[0]) else "CMYK")
    return used


def fonts_and_glyphs(pdf, out):
    seen = set()
    for n, page in enumerate(pdf.pages, 1):
        fonts = (page.obj.get("/Resources") or {}).get("/Font") or {}
        for name, font in fonts.items():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            base = font.get("/BaseFont")
            desc_font = font.DescendantFonts[0] if font.get("/Subtype") == Name.Type0 else font
            desc = desc_font.get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                out.append(f"font {base}: not embedded")
            cmap = font.get("/ToUnicode")
            if cmap is None:
                out.append(f"font {base}: no /ToUnicode (level U)")
                continue
            text = cmap.read_bytes().decode("latin-1")
            for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
                for _, u in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
                    if u.upper() in ("", "0000", "FEFF", "FFFE"):
                        out.append(f"font {base}: a glyph maps to <{u}> (level U)")
        cid_fonts = {str(k) for k, f in fonts.items() if f.get("/Subtype") == Name.Type0}
        current = None
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "Tf":
                current = str(operands[0])
            elif op in ("Tj", "TJ") and current in cid_fonts:
                items = operands[0] if op == "TJ" else [operands[0]]
                for item in items:
                    if isinstance(item, pikepdf.String):
                        b = bytes(item)
                        if any(b[i] == 0 and b[i + 1] == 0 for i in range(0, len(b) - 1, 2)):
                            out.append(f"page {n}: draws glyph 0 (.notdef)")
                            return


def forbidden(pdf, out):
    root = pdf.Root
    if "/AA" in root or "/OpenAction" in root and "/JS" in str(root.OpenAction):
        out.append("catalog: additional or JavaScript actions")
    names = root.get("/Names") or {}
    for key in ("/JavaScript", "/EmbeddedFiles"):
        if key in names:
            out.append(f"catalog: {key} in /Names")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            d = obj.stream_dict
            filters = d.get("/Filter")
            filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
            if Name.LZWDecode in filters:
                out.append("a stream is LZW-compressed")
            for key in ("/F", "/FFilter", "/FDecodeParms"):
                if key in d:
                    out.append(f"a stream has {key} (external data)")
        elif isinstance(obj, pikepdf.Dictionary):
            if obj.get("/Type") == Name.ExtGState and "/TR" in obj:
                out.append("a graphics state sets a transfer function")
            if obj.get("/S") == Name.JavaScript:
                out.append("a JavaScript action")
    for n, page in enumerate(pdf.pages, 1):
        if "/AA" in page.obj:
            out.append(f"page {n}: additional actions")


if __name__ == "__main__":
    sys.exit(tagged_pdf.main(sys.argv[1:], faults))
