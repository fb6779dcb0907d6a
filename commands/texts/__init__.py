"""Every Dutch sentence the bot says, one module per family, so wording can be reviewed in one
folder without reading code."""
