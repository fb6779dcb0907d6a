"""What the tests read from a PDF to check that it is PDF/A-2B: the XMP identification and
document information, the output intent, the embedded fonts, encryption and the file ID."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"


def xmp_text(reader: PdfReader) -> str:
    metadata = reader.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in metadata  # PDF/A: the metadata stream is readable as it is
    return metadata.get_data().decode("utf-8")


def pdfa_identification(reader: PdfReader) -> tuple[str | None, str | None]:
    """(pdfaid:part, pdfaid:conformance), as elements or as attributes."""
    packet = xmp_text(reader)
    body = packet[packet.index("<x:xmpmeta") : packet.index("</x:xmpmeta>") + len("</x:xmpmeta>")]
    root = ElementTree.fromstring(body)
    found: dict[str, str | None] = {"part": None, "conformance": None}
    for element in root.iter():
        for key in found:
            if element.tag == PDFAID + key:
                found[key] = element.text
            if PDFAID + key in element.attrib:
                found[key] = element.attrib[PDFAID + key]
    return found["part"], found["conformance"]


def output_intent_profiles(reader: PdfReader) -> list[tuple[str, int, bytes]]:
    """(subtype, colour components, ICC bytes) of each output intent."""
    intents = reader.trailer["/Root"].get("/OutputIntents", [])
    found = []
    for intent in intents:
        intent = intent.get_object()
        profile = intent["/DestOutputProfile"].get_object()
        found.append((str(intent["/S"]), int(profile["/N"]), profile.get_data()))
    return found


def fonts(reader: PdfReader) -> list[DictionaryObject]:
    """Every font the pages use (their descendants for a composite font)."""
    found: dict[tuple[int, int], DictionaryObject] = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            reference, font = font, font.get_object()
            parts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for index, part in enumerate(parts):
                found[(reference.idnum, index)] = part
    return list(found.values())


def unembedded(reader: PdfReader) -> list[str]:
    """The fonts with no font program in the file."""
    missing = []
    for font in fonts(reader):
        descriptor: Any = font.get("/FontDescriptor")
        keys = set(descriptor.get_object()) if descriptor is not None else set()
        if not keys & {"/FontFile", "/FontFile2", "/FontFile3"}:
            missing.append(str(font.get("/BaseFont")))
    return missing
