"""What makes the dossier's PDF a PDF/A-2B document: an sRGB output intent with its ICC
profile embedded, XMP metadata that says PDF/A-2B and repeats the document information word for
word, and text only in glyphs the embedded font has (a missing glyph would be drawn with
`.notdef`, which PDF/A forbids). fpdf2 embeds TrueType fonts and writes a file ID itself."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import OutputIntentSubType
from fpdf.output import PDFICCProfile
from fpdf.util import builtin_srgb2014_bytes

PART = 2
CONFORMANCE = "B"
PDF_VERSION = "1.7"  # PDF/A-2 is based on PDF 1.7
PRODUCER = "fpdf2"
MISSING_GLYPH = "?"
#: Emoji the bot's own texts use, as the nearest sign the font has (✅ and ❌ of the minutes).
NEAREST_SIGN = str.maketrans({"✅": "✔", "❌": "✘"})
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def make_pdfa(pdf: FPDF, *, title: str, author: str, subject: str, creator: str) -> None:
    """Set the document information, the XMP metadata and the output intent; call after
    `set_creation_date`, whose moment both carry."""
    title, author, subject, creator = (
        _CONTROL.sub(" ", v) for v in (title, author, subject, creator)
    )
    pdf.pdf_version = max(pdf.pdf_version, PDF_VERSION)
    pdf.allow_images_transparency = False  # no page transparency group: nothing is transparent
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_subject(subject)
    pdf.set_creator(creator)
    pdf.set_producer(PRODUCER)
    pdf.set_lang("nl")
    pdf.set_xmp_metadata(
        xmp(title=title, author=author, subject=subject, creator=creator, at=pdf.creation_date)
    )
    pdf.add_output_intent(
        OutputIntentSubType.PDFA,
        output_condition_identifier="sRGB IEC61966-2.1",
        output_condition="IEC 61966-2-1:1999",
        registry_name="http://www.color.org",
        dest_output_profile=PDFICCProfile(
            contents=builtin_srgb2014_bytes(), n=3, alternate="DeviceRGB"
        ),
        info="sRGB2014 (ICC v2)",
    )


def xmp_date(at: datetime) -> str:
    """The moment as XMP writes it, in UTC to the second (the document information's
    CreationDate says the same moment)."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def xmp(*, title: str, author: str, subject: str, creator: str, at: datetime) -> str:
    """The XMP packet's content: Dublin Core, XMP basic, Adobe PDF and PDF/A identification."""
    moment = xmp_date(at)
    return "\n".join(
        (
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
            '  <rdf:Description rdf:about=""',
            '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
            '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
            '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
            '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
            f"   <pdfaid:part>{PART}</pdfaid:part>",
            f"   <pdfaid:conformance>{CONFORMANCE}</pdfaid:conformance>",
            "   <dc:format>application/pdf</dc:format>",
            "   <dc:title><rdf:Alt>",
            f'    <rdf:li xml:lang="x-default">{_xml(title)}</rdf:li>',
            "   </rdf:Alt></dc:title>",
            f"   <dc:creator><rdf:Seq><rdf:li>{_xml(author)}</rdf:li></rdf:Seq></dc:creator>",
            "   <dc:description><rdf:Alt>",
            f'    <rdf:li xml:lang="x-default">{_xml(subject)}</rdf:li>',
            "   </rdf:Alt></dc:description>",
            "   <dc:language><rdf:Bag><rdf:li>nl</rdf:li></rdf:Bag></dc:language>",
            f"   <xmp:CreateDate>{moment}</xmp:CreateDate>",
            f"   <xmp:ModifyDate>{moment}</xmp:ModifyDate>",
            f"   <xmp:MetadataDate>{moment}</xmp:MetadataDate>",
            f"   <xmp:CreatorTool>{_xml(creator)}</xmp:CreatorTool>",
            f"   <pdf:Producer>{PRODUCER}</pdf:Producer>",
            "  </rdf:Description>",
            " </rdf:RDF>",
            "</x:xmpmeta>",
        )
    )


def _xml(value: str) -> str:
    return escape(_CONTROL.sub(" ", value))


@cache
def _glyphs(font_file: Path) -> frozenset[int]:
    with TTFont(font_file, lazy=True) as font:
        return frozenset(font.getBestCmap())


def drawable(value: str, font_file: Path) -> str:
    """The text with control characters as spaces (line breaks kept), the bot's emoji as the
    nearest sign the font has, and every other character it has no glyph for as `?`."""
    glyphs = _glyphs(font_file)
    cleaned = _CONTROL.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = cleaned.translate(NEAREST_SIGN)
    return "".join(c if c == "\n" or ord(c) in glyphs else MISSING_GLYPH for c in cleaned)
