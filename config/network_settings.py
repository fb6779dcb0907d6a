"""Settings of the network families: the directory kept in the chat, the reference table of
powers, and the network across the border."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from config.section import Section


class DirectorySettings(Section):
    remove_from_rooms: bool = Field(
        default=True,
        description="a member removed from the directory is taken out of open incident rooms",
    )


class NetworkSettings(Section):
    powers_file: Path | None = Field(
        default=None,
        description="YAML with powers that add to or replace rows of the shipped table "
        "(config/data/bevoegdheden.yaml), in the same shape",
    )


class BorderSettings(Section):
    counterparts_file: Path | None = Field(
        default=None,
        description="YAML with counterparts across the border that add to or replace those "
        "shipped (config/data/grensnetwerk.yaml), in the same shape",
    )
