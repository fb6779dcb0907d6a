"""The codes of the family's rendered files, as handlers name them in a RenderFile (the
renderers themselves are in files.py, which loads the drawing code only when it draws)."""

LEAD_CHART = "lead_chart"
REGION_CHART = "region_chart"
TILE_MAP = "tile_map"
WORKBOOK = "workbook"
CASES_CSV = "cases_csv"
ACCOUNTABILITY_PDF = "accountability_pdf"
