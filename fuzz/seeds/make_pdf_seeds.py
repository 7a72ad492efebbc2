#!/usr/bin/env python3
"""Writes the small hand-made PDF seeds of fuzz/corpus/read_pdf/.

Each is a valid, uncompressed (except one) PDF with a correct xref table,
small enough for the fuzzer to mutate quickly, and each exercises one part
of the reader: simple fonts, TJ spacing, Type0 fonts with a ToUnicode CMap,
form XObjects, marked content with /ActualText, raised note figures and a
drawn note separator, a Flate stream, two pages. Run from fuzz/:
    python3 seeds/make_pdf_seeds.py corpus/read_pdf
"""
import sys
import zlib
from pathlib import Path

LINES = [
    "United Nations A/RES/59/159",
    "General Assembly Distr.: General",
    "Fifty-ninth session",
    "Agenda item 107",
    "Resolution adopted by the General Assembly",
    "[on the report of the Third Committee (A/59/494)]",
    "59/159. Strengthening the United Nations Crime Prevention",
    "The General Assembly,",
    "Recalling its resolution 46/152 of 18 December 1991,",
    "1. Decides to include the item in its agenda;",
    "(a) To consider the report;",
    "74th plenary meeting",
    "20 December 2004",
]


def esc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(objects, root=1, extra_trailer=""):
    """objects: list of bytes bodies, object i+1 is objects[i]."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        extra_trailer.encode(),
        xref,
    )
    return bytes(out)


def stream(data, dict_extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), dict_extra) + data + b"\nendstream"


WINANSI_FONT = (
    b"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+TimesNewRomanPSMT "
    b"/Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths ["
    + b" ".join(b"250" if c == 32 else b"500" for c in range(32, 127))
    + b"] >>"
)
ITALIC_FONT = WINANSI_FONT.replace(b"TimesNewRomanPSMT", b"TimesNewRomanPS-ItalicMT")


def one_page(content, resources=b"<< /Font << /F1 4 0 R /F2 5 0 R >> >>", fonts=None, more=()):
    fonts = fonts or [WINANSI_FONT, ITALIC_FONT]
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /Lang (en-US) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources %s >>"
        % (4 + len(fonts), resources),
    ]
    objs += fonts
    objs.append(content if content.startswith(b"<<") else stream(content))
    objs += list(more)
    return pdf(objs)


def lines_tj():
    out = [b"BT /F1 11 Tf 14 TL 72 720 Td"]
    for line in LINES:
        out.append(b"(%s) Tj T*" % esc(line).encode("latin-1"))
    out.append(b"ET")
    return b"\n".join(out)


def spaced_tj():
    out = [b"BT /F1 11 Tf 1 0 0 1 72 720 Tm"]
    for i, line in enumerate(LINES):
        words = line.split(" ")
        arr = b" -250 ".join(b"(%s)" % esc(w).encode("latin-1") for w in words)
        out.append(b"0 -14 Td [%s] TJ" % arr)
        if i == 8:
            out.append(b"/F2 11 Tf [(Noting)] TJ /F1 11 Tf")
    out.append(b"ET")
    return b"\n".join(out)


def marked():
    return b"""/P <</MCID 0>> BDC BT /F1 11 Tf 72 720 Td (The General Assembly,) Tj ET EMC
/Span <</ActualText (fi)>> BDC BT /F1 11 Tf 72 700 Td (\\223) Tj ET EMC
/Artifact BMC BT /F1 9 Tf 72 40 Td (04-48532) Tj ET EMC
/P <</MCID 1>> BDC BT /F1 11 Tf 72 680 Td (1. Decides to continue;) Tj
/F1 7 Tf 4 Ts (1) Tj 0 Ts ET EMC
0.5 w 72 100 m 216 100 l S
72 90 144 0.5 re f
/Footnote <</MCID 2>> BDC BT /F1 9 Tf 72 80 Td 3 Ts (1) Tj 0 Ts ( See A/59/494.) Tj ET EMC"""


def type0():
    cmap = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <0020> <0011> <002E> <0024> <0041> endbfchar
2 beginbfrange <0044> <005D> <0061> <0010> <0019> [<0030> <0031> <0032> <0033> <0034> <0035> <0036> <0037> <0038> <0039>] endbfrange
1 beginbfchar <0100> <FB01> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+TimesNewRomanPSMT /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>"
    )
    cid = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+TimesNewRomanPSMT "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/DW 500 /W [3 [250] 16 25 500] >>"
    )
    # "Aghij. 12" and a ligature
    content = b"BT /F1 12 Tf 72 720 Td <00240044004A0003001100030011001200130100> Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
        font,
        stream(content),
        cid,
        stream(cmap),
    ]
    return pdf(objs)


def form_xobject():
    form = stream(
        b"BT /F1 11 Tf 0 0 Td (Annex) Tj 0 -14 Td (Text inside a form.) Tj ET",
        b"/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Resources << /Font << /F1 4 0 R >> >> ",
    )
    content = b"q 1 0 0 1 72 600 cm /X1 Do Q\nBT /F1 11 Tf 72 720 Td (The Security Council,) Tj ET"
    return one_page(
        content,
        resources=b"<< /Font << /F1 4 0 R /F2 5 0 R >> /XObject << /X1 7 0 R >> >>",
        more=[form],
    )


def differences():
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman "
        b"/Encoding << /Type /Encoding /BaseEncoding /MacRomanEncoding "
        b"/Differences [65 /eacute /fi 97 /ccedilla] >> >>"
    )
    content = b"BT /F1 12 Tf 72 720 Td (ABab) Tj 0 -14 Td (L'Assembl\\216e g\\216n\\216rale,) Tj ET"
    return one_page(content, fonts=[font, ITALIC_FONT])


def flate():
    data = zlib.compress(lines_tj())
    return one_page(stream(data, b"/Filter /FlateDecode "))


def two_pages():
    p1 = stream(b"BT /F1 11 Tf 72 720 Td (A/RES/78/218) Tj 0 -14 Td (The General Assembly,) Tj ET")
    p2 = stream(b"BT /F1 11 Tf 72 750 Td (A/RES/78/218) Tj 0 -28 Td (2. Requests the Secretary-General;) Tj ET\f")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Resources << /Font << /F1 5 0 R >> >> /MediaBox [0 0 612 792] >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /Contents 7 0 R /Rotate 90 >>",
        WINANSI_FONT,
        p1,
        p2,
    ]
    return pdf(objs)


def main():
    outdir = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus/read_pdf")
    outdir.mkdir(parents=True, exist_ok=True)
    seeds = {
        "lines_tj.pdf": one_page(lines_tj()),
        "spaced_tj.pdf": one_page(spaced_tj()),
        "marked_content.pdf": one_page(marked()),
        "type0_tounicode.pdf": type0(),
        "form_xobject.pdf": form_xobject(),
        "differences.pdf": differences(),
        "flate.pdf": flate(),
        "two_pages.pdf": two_pages(),
    }
    for name, data in seeds.items():
        (outdir / name).write_bytes(data)
        print(f"{outdir / name}: {len(data)} bytes")


main()
