"""`signaalbot check-config`: every problem in a configuration file, with the key that is wrong."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from config.border import counterparts_problems
from config.powers import powers_file_problems
from config.settings import Settings, read_yaml


def check_config(path: Path) -> list[str]:
    """Problems in plain words, one per line, each naming its key; empty when all is well."""
    try:
        data = read_yaml(path)
    except FileNotFoundError:
        return [f"{path}: file not found / bestand niet gevonden"]
    except (yaml.YAMLError, ValueError) as error:
        return [f"{path}: not valid YAML / geen geldige YAML: {error}"]
    try:
        settings = Settings(**data)
    except ValidationError as error:
        return [_describe(path, problem) for problem in error.errors()]
    powers_file = settings.network.powers_file
    problems = powers_file_problems(powers_file) if powers_file else []
    return problems + counterparts_problems(settings.border.counterparts_file)


def _describe(path: Path, problem: dict) -> str:
    key = ".".join(str(part) for part in problem["loc"]) or "(top)"
    message = problem["msg"].removeprefix("Value error, ")
    if problem["type"] == "missing":
        message = "required key is missing / verplichte sleutel ontbreekt"
    elif problem["type"] == "extra_forbidden":
        message = "unknown key / onbekende sleutel"
    return f"{path}: {key}: {message}"
