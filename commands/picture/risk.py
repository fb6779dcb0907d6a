"""The sector ranking (`!risico`, and the agenda's warning): a score per sector from what was
signalled there, and whether it rose sharply against the period before."""

from __future__ import annotations

from config.picture_settings import RiskSettings, RiskWeights
from storage.figures import RiskInputs, RiskRank, Window
from storage.picture import PictureQueries, RiskInputsBy

NOTHING = RiskInputs(companies=0, visit_decisions=0, measures=0)


def score(inputs: RiskInputs, weights: RiskWeights) -> float:
    return (
        inputs.companies * weights.companies
        + inputs.visit_decisions * weights.visit_decisions
        + inputs.measures * weights.measures
    )


def rank(
    current: RiskInputsBy, previous: RiskInputsBy, weights: RiskWeights, risk: RiskSettings
) -> list[RiskRank]:
    """Every sector (and region) counted in either period, highest score first, then by sector
    key (unknown last). It rises sharply at `risk.rise_factor` times its previous score and at
    least `risk.rise_minimum` above it. `weights` apart from `risk`, so a caller may weigh
    differently from the configured `risk.weights`."""
    ranks = []
    for key in current.keys() | previous.keys():
        now, before = current.get(key, NOTHING), previous.get(key, NOTHING)
        now_score, before_score = score(now, weights), score(before, weights)
        rising = (
            now_score >= risk.rise_factor * before_score
            and now_score - before_score >= risk.rise_minimum
        )
        sector, region = key
        ranks.append(RiskRank(sector, region, now, before, now_score, before_score, rising))
    return sorted(ranks, key=_order)


def _order(line: RiskRank) -> tuple[float, bool, str, bool, str]:
    return (
        -line.score,
        line.sector is None,
        line.sector or "",
        line.region is None,
        line.region or "",
    )


async def sector_ranking(
    queries: PictureQueries,
    current: Window,
    previous: Window,
    risk_settings: RiskSettings,
    *,
    by_region: bool = False,
) -> list[RiskRank]:
    """The ranking of `current` against `previous`, weighed as configured."""
    now, before = await queries.risk_inputs_of((current, previous), by_region=by_region)
    return rank(now, before, risk_settings.weights, risk_settings)
