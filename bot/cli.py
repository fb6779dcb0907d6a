"""`signaalbot run | check-config | demo | outbox failed | outbox retry ID |
import landelijk|contacten FILE | retention [--dry-run] | privacy find TEXT |
audit verify | audit export --from DAY --to DAY [--out FILE] | status`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from datetime import date
from pathlib import Path

from bot.log_file import FORMAT as LOG_FORMAT
from bot.log_file import attach_log_file
from bot.log_format import use_log_format
from commands.texts import audit as audit_texts
from config.check import check_config

DEFAULT_CONFIG = "signaalbot.yaml"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="signaalbot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the bot")
    _config_option(run)

    outbox = commands.add_parser("outbox", help="messages the bot could not deliver")
    actions = outbox.add_subparsers(dest="outbox_command", required=True)
    _config_option(actions.add_parser("failed", help="list the messages set aside"))
    retry = actions.add_parser("retry", help="make messages set aside pending again")
    retry.add_argument("ids", nargs="+", type=int, metavar="ID")
    _config_option(retry)

    imports = commands.add_parser("import", help="import reference figures from partners")
    kinds = imports.add_subparsers(dest="import_command", required=True)
    national = kinds.add_parser(
        "landelijk", help="figures of the national picture (wonen, werken, vervoer) per region"
    )
    national.add_argument("file", type=Path, metavar="FILE", help="a .csv or .yaml file")
    _config_option(national)
    contacts = kinds.add_parser(
        "contacten", help="contacts outside Matrix and regional contact points"
    )
    contacts.add_argument("file", type=Path, metavar="FILE", help="a .csv or .yaml file")
    _config_option(contacts)

    retention = commands.add_parser("retention", help="anonymise what has passed its term")
    retention.add_argument("--dry-run", action="store_true", help="only list what would go")
    _config_option(retention)

    privacy = commands.add_parser("privacy", help="access and erasure requests")
    privacy_actions = privacy.add_subparsers(dest="privacy_command", required=True)
    find = privacy_actions.add_parser("find", help="list the records holding a text")
    find.add_argument("text", nargs="+", metavar="TEXT", help="words are searched together")
    _config_option(find)
    _audit_parsers(commands.add_parser("audit", help="the tamper-evident audit trail"))

    _config_option(commands.add_parser("status", help="outbox, cases and held messages"))

    check = commands.add_parser("check-config", help="check a configuration file")
    check.add_argument("file", type=Path)

    demo = commands.add_parser("demo", help="private Synapse + demo accounts + the bot")
    demo.add_argument("--data-dir", type=Path, default=Path("./demo-data"))
    demo.add_argument("--port", type=int, default=None)
    demo.add_argument(
        "--no-encryption",
        action="store_true",
        help="a plain platform room instead of an encrypted one",
    )
    return parser


def _audit_parsers(audit: argparse.ArgumentParser) -> None:
    steps = audit.add_subparsers(dest="audit_command", required=True)
    _config_option(steps.add_parser("verify", help="recompute the chain; name the first break"))
    export = steps.add_parser("export", help="the records of a period, as JSON Lines")
    for option, name in (("--from", "first"), ("--to", "last")):
        export.add_argument(
            option,
            dest=name,
            type=_day,
            required=True,
            metavar="YYYY-MM-DD",
            help="a local day (Europe/Amsterdam), included",
        )
    export.add_argument(
        "--out", type=Path, metavar="FILE", help="a file only you can read (default: stdout)"
    )
    _config_option(export)


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(audit_texts.DAY_INVALID.format(value=value)) from None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    os.umask(0o077)  # the database, the crypto store and the credentials are the bot's alone
    logging.basicConfig(
        level=os.environ.get("SIGNAALBOT_LOG_LEVEL", "INFO"),
        format=LOG_FORMAT,
    )
    for noisy in ("nio", "alembic", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    if args.command == "check-config":
        problems = check_config(args.file)
        for problem in problems:
            print(problem, file=sys.stderr)
        if not problems:
            print(f"{args.file}: in orde / OK")
        return 1 if problems else 0
    if args.command == "run":
        return _run(args.config)
    if args.command == "outbox":
        from bot.outbox.failed_rows import run_outbox

        return run_outbox(args.outbox_command, args.config, getattr(args, "ids", []))
    if args.command == "retention":
        from bot.retention_cli import run_retention

        return run_retention(args.config, args.dry_run)
    if args.command == "privacy":
        from bot.privacy_cli import run_privacy_find

        return run_privacy_find(" ".join(args.text), args.config)
    if args.command == "audit":
        return _audit(args)
    if args.command == "status":
        from bot.ops.status_cli import run_status

        return run_status(args.config)
    if args.command == "import" and args.import_command == "contacten":
        from bot.contacts_import import run_contacts_import

        return run_contacts_import(args.file, args.config)
    if args.command == "import":
        from bot.national_import import run_national_import

        return run_national_import(args.file, args.config)
    from bot.demo.run import run_demo

    return run_demo(args.data_dir, args.port, encrypted=not args.no_encryption)


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, default=Path(os.environ.get("SIGNAALBOT_CONFIG", DEFAULT_CONFIG))
    )


def _audit(args: argparse.Namespace) -> int:
    from bot.audit_cli import run_audit_export, run_audit_verify

    if args.audit_command == "verify":
        return run_audit_verify(args.config)
    return run_audit_export(args.config, args.first, args.last, args.out)


def _run(path: Path) -> int:
    from bot.app import run_until_stopped
    from config.settings import load_settings

    problems = check_config(path) if path.exists() else []
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    settings = load_settings(path if path.exists() else None)
    attach_log_file(settings.privacy)
    use_log_format(settings.logging)
    asyncio.run(run_until_stopped(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
