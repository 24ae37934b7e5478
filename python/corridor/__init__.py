"""corridor: the China-Europe rail freight simulator from Python.

    import corridor
    r = corridor.run("scenarios/baseline-2025.yaml", seed=1, replications=4,
                     overrides={"nodes.khorgos.tracks": 6, "flows.*.teu_per_week": corridor.scale(1.1)})
    r.metrics          # one row per metric: mean and 95 % interval first (docs/python.md lists every column)
    r.crossings        # one row per border crossing, each measure with its interval
    r.ports            # one row per port with berths, a yard or a dwell (empty without)
    c = corridor.compare("scenarios/baseline-2025.yaml", "scenarios/khorgos-expansion.yaml", replications=6)
    c.differences[c.differences.significant == 1]

Everything runs in the C++ library (the same code as the ``corridor`` command, so equal seeds give equal
numbers and ``write()`` writes the same bytes as ``corridor run --reproducible -o``); tables are pandas
DataFrames built from the library's Summary, never recomputed here. Errors in scenario files raise
ScenarioError, whose message and ``diagnostics`` carry file:line:column.
"""
import functools

from . import _corridor
from ._corridor import CorridorIOError, ModelError, ProgrammeError, ScenarioError, SweepError, __version__
from ._frames import frame

__all__ = ["load", "run", "compare", "sweep", "diff", "map_html", "scale", "appraise", "Result", "Comparison",
           "Ranking", "Sweep", "Appraisal", "ScenarioError", "SweepError", "ProgrammeError", "CorridorIOError",
           "ModelError", "ELEMENT_KINDS", "__version__"]

# The kinds of element a run reports, each a table `Result.<kind>` with one row per element. A new kind the
# model flattens as <kind>.<id>.<field> needs one entry here (and Result.elements(kind) reads it already).
ELEMENT_KINDS = ("crossings", "ferries", "ports", "flows", "edges", "markets", "shares", "gateways")


class scale:
    """An override that multiplies what the scenario has (every element, for a path with ``*``)."""

    def __init__(self, factor):
        self.factor = float(factor)

    def __repr__(self):
        return f"corridor.scale({self.factor})"


def _overrides(overrides):
    out = []
    for path, value in (overrides or {}).items():
        if isinstance(value, scale):
            out.append(_corridor.Override(str(path), "scale", value.factor))
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"override {path}: a number or corridor.scale(x), not {value!r}")
        else:
            out.append(_corridor.Override(str(path), "set", float(value)))
    return out


def load(path, overrides=None, overlays=None, allow_outside=False):
    """The scenario in ``path`` (its ``extends`` applied), with ``overrides`` {parameter path: number or
    corridor.scale(x)} and ``overlays`` (YAML texts, merged as files extending it) applied in order. Raises
    ScenarioError at the file, line and column of every problem (an override's place is <overrides>:N)."""
    if isinstance(path, _corridor.Scenario):
        if overrides or overlays:
            raise ValueError("overrides apply to a scenario file, not to a loaded scenario")
        return path
    return _corridor.load(str(path), _overrides(overrides), list(overlays or []), allow_outside)


class Result:
    """Replications of one scenario: the library's Summary, read as DataFrames (each built once, on use)."""

    def __init__(self, summary):
        self._s = summary

    scenario_name = property(lambda self: self._s.scenario_name)
    scenario_file = property(lambda self: self._s.scenario_file)
    seed = property(lambda self: self._s.seed)
    replications = property(lambda self: self._s.replications)
    events = property(lambda self: self._s.events)
    horizon_days = property(lambda self: self._s.horizon_days)
    window_days = property(lambda self: self._s.window_days)
    warmup_days = property(lambda self: self._s.warmup_days)
    share_region = property(lambda self: self._s.share_region, doc="""The region id the headline share metrics
        are named after: ``metrics.share_<region>_trains`` (``share_central_asia_trains`` in the baseline).""")
    share_key = property(lambda self: self._s.share_key, doc="""What the headline share metrics are named by:
        ``share_region``, or ``avoiding_<region>`` when the report's first share is of trains avoiding it.""")
    share_region_name = property(lambda self: self._s.share_region_name, doc="The share region's display name.")
    route_region = property(lambda self: self._s.route_region, doc="""The region ``routes`` marks routes for
        passing, in its column ``via_<region>`` (the scenario's ``report.share_region``).""")

    @functools.cached_property
    def metrics(self):
        """One row per metric: metric, mean, ci95_low, ci95_high, ci95, stddev, n, kind, element, field, unit."""
        return frame(self._s.metrics_table())

    @functools.cached_property
    def per_replication(self):
        """One row per replication x metric: replication, seed, metric, kind, element, field, unit, value."""
        return frame(self._s.replications_table())

    @functools.cached_property
    def daily(self):
        """One row per day x element x measure (means over replications): day, metric, kind, element, field,
        unit, value."""
        return frame(self._s.daily_table())

    @functools.cached_property
    def routes(self):
        """One row per route: flow, route, via_<route_region> (via_central_asia in the baseline), element, trains,
        teu, share (each with _ci95)."""
        return frame(self._s.routes_table())

    @property
    def headline(self):
        """The headline metrics (kind "metrics") indexed by name: mean, ci95_low, ci95_high, unit."""
        m = self.metrics[self.metrics.kind == "metrics"]
        return m.set_index("field")[["mean", "ci95_low", "ci95_high", "ci95", "unit"]]

    @property
    def kinds(self):
        """The kinds of element this result has metrics for (crossings, routes, ...), in order."""
        return [k for k in dict.fromkeys(self.metrics.kind) if k not in ("metrics", "cost")]

    def elements(self, kind):
        """One row per element of ``kind``: element, then each field's mean and its ``<field>_ci95``
        half-width; empty (with an element column) when the result has none."""
        return frame(self._s.element_table(kind))

    def mean(self, metric):
        """The mean of one flattened metric, e.g. "metrics.throughput_teu_per_day"."""
        row = self.metrics[self.metrics.metric == metric]
        if row.empty:
            raise KeyError(metric)
        return float(row["mean"].iloc[0])

    def write(self, directory):
        """The files of ``corridor run --reproducible -o DIR`` (all but run.json), byte for byte."""
        self._s.write(str(directory))

    def write_report(self, directory):
        """DIR/report.html, as ``corridor run --report`` draws it; returns its path."""
        return self._s.write_report(str(directory))

    def __repr__(self):
        return (f"<corridor.Result {self.scenario_name}: seed {self.seed}, {self.replications} replications, "
                f"{len(self.metrics)} metrics>")


for _kind in ELEMENT_KINDS:
    setattr(Result, _kind, property(functools.partial(lambda self, k: self.elements(k), k=_kind),
                                    doc=f"Result.elements('{_kind}')"))


def run(scenario, seed=None, replications=1, overrides=None, overlays=None, threads=0, warmup_days=None,
        allow_outside=False):
    """Runs ``replications`` of a scenario (a path or corridor.load()'s result) in parallel; results depend
    only on (scenario, seed, replication), never on ``threads``."""
    s = load(scenario, overrides, overlays, allow_outside)
    return Result(_corridor.run(s, seed, int(replications), int(threads), warmup_days))


class Comparison:
    """A variant against a base with common random numbers, paired by replication."""

    def __init__(self, native):
        self._c = native

    base_name = property(lambda self: self._c.base_name)
    variant_name = property(lambda self: self._c.variant_name)
    seed = property(lambda self: self._c.seed)
    replications = property(lambda self: self._c.replications)
    fdr = property(lambda self: self._c.fdr)
    note = property(lambda self: self._c.note, doc="How `significant` was decided (the FDR control).")

    @functools.cached_property
    def differences(self):
        """One row per metric: metric, base, variant, difference, ci95_low, ci95_high, ci95, p_value,
        q_value, significant, interval_excludes_zero, unpaired_ci95, kind, element, field, unit."""
        return frame(self._c.differences_table())

    @functools.cached_property
    def base(self):
        return Result(self._c.base)

    @functools.cached_property
    def variant(self):
        return Result(self._c.variant)

    def write(self, directory):
        """compare.json, compare.csv, base/ and variant/, as ``corridor compare -o DIR``."""
        self._c.write(str(directory))

    def __repr__(self):
        n = int(self.differences.significant.sum())
        return (f"<corridor.Comparison {self.variant_name} vs {self.base_name}: {self.replications} pairs, "
                f"{n} of {len(self.differences)} metrics significant at FDR {self.fdr}>")


class Ranking:
    """Several variants against one base (common random numbers, the base run once), ranked by one metric."""

    def __init__(self, native, names):
        self._r = native
        self._names = names

    metric = property(lambda self: self._r.rank_metric)
    higher_is_better = property(lambda self: self._r.higher_is_better)

    @functools.cached_property
    def table(self):
        """One row per variant, best first: rank, variant, metric, base, value, difference, ci95_low, ci95_high,
        ci95, p_value, q_value (FDR across the variants), significant, discoveries."""
        return frame(self._r.ranking_table())

    @functools.cached_property
    def comparisons(self):
        """Each variant's full Comparison with the base, in the order given."""
        return [Comparison(self._r.comparison(i)) for i in range(self._r.count)]

    def write(self, directory):
        """ranking.json, ranking.csv, base/ and variants/N/, as ``corridor compare BASE V1 V2 ... -o DIR``."""
        self._r.write(str(directory))


def compare(base, variant, replications=10, seed=None, overrides=None, variant_overrides=None, threads=0,
            warmup_days=None, rank_by=None, higher_is_better=None):
    """Base and variant with the same seeds (common random numbers); ``overrides`` apply to both,
    ``variant_overrides`` to the variant after them. ``significant`` controls the false discovery rate
    across all metrics (Benjamini-Hochberg). With a list of variants (or ``rank_by``), returns a Ranking of
    them by ``rank_by`` (default metrics.throughput_teu_per_day)."""
    b = load(base, overrides)
    merged = {**(overrides or {}), **(variant_overrides or {})}
    if isinstance(variant, (list, tuple)) or rank_by is not None:
        variants = list(variant) if isinstance(variant, (list, tuple)) else [variant]
        loaded = [load(v, merged) for v in variants]
        native = _corridor.compare_many(b, loaded, int(replications), seed, int(threads), warmup_days,
                                        rank_by or "metrics.throughput_teu_per_day", higher_is_better)
        return Ranking(native, [s.name for s in loaded])
    v = load(variant, merged)
    return Comparison(_corridor.compare(b, v, int(replications), seed, int(threads), warmup_days))


def diff(a, b, allow_outside=False):
    """What two scenarios differ in after overlays and defaults, by parameter path: a DataFrame with path, a,
    b (None where a side lacks the path)."""
    import pandas

    rows = _corridor.diff(load(a, allow_outside=allow_outside), load(b, allow_outside=allow_outside))
    return pandas.DataFrame(rows, columns=["path", "a", "b"])


def map_html(scenario, path=None):
    """The network on a self-contained HTML map, nothing run (``corridor map``); written to ``path`` if given."""
    html = _corridor.map_html(load(scenario))
    if path is not None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
    return html


class Sweep:
    """A sweep run in this process: every run's metrics and each design point's means."""

    def __init__(self, native):
        self._o = native

    errors = property(lambda self: list(self._o.errors), doc="Runs that failed, with why.")
    metric_names = property(lambda self: list(self._o.metrics))

    @functools.cached_property
    def runs(self):
        """One row per run: run, point, replication, seed, each parameter, each kept metric."""
        return frame(self._o.runs_table())

    @functools.cached_property
    def points(self):
        """One row per design point x kept metric: point, each parameter, metric, mean, ci95, runs."""
        return frame(self._o.points_table())

    @functools.cached_property
    def effects(self):
        """Sensitivity, one row per metric x term: metric, term (main, interaction; first_order, total;
        elementary), parameter, other_parameter, measure_value, ci95_low, ci95_high, measure (eta_squared,
        S1, ST, mu_star). Empty for lhs and sobol designs."""
        return frame(self._o.effects_table())

    warnings = property(lambda self: list(self._o.warnings),
                        doc="Why the sensitivity measures should not be trusted (a sample too small), if so.")


def sweep(source, parameters=None, replications=1, seed=None, metrics=None, threads=0):
    """A sweep file (``parameters`` None), or a grid over a scenario: ``parameters`` {path: [values]}, every
    combination, ``replications`` each; ``metrics`` the flattened names kept (default: the headline ones)."""
    if parameters is None:
        spec = _corridor.sweep_file(str(source))
    else:
        grid = [(str(p), [float(v) for v in values]) for p, values in parameters.items()]
        spec = _corridor.grid_sweep(str(source), grid, int(replications), seed, list(metrics or []))
    return Sweep(_corridor.sweep(spec, int(threads)))


class Appraisal:
    """A programme appraised against do-nothing (``corridor appraise``): each project alone and the whole
    programme, with common random numbers; docs/planning.md says what each number counts."""

    def __init__(self, native):
        self._a = native

    programme = property(lambda self: self._a.programme)
    seed = property(lambda self: self._a.seed)
    replications = property(lambda self: self._a.replications)
    simulations = property(lambda self: self._a.simulations)

    @functools.cached_property
    def cases(self):
        """One row per case (each project, then "programme"): the columns of appraisal.csv."""
        return frame(self._a.cases_table())

    @functools.cached_property
    def years(self):
        """Every case by year of the horizon: case, year, benefits_usd, costs_usd, co2_t."""
        return frame(self._a.years_table())

    def write(self, directory):
        """appraisal.json and appraisal.csv, as ``corridor appraise -o DIR``."""
        self._a.write(str(directory))

    def __repr__(self):
        return (f"<corridor.Appraisal {self.programme}: {len(self.cases)} cases, {self.replications} "
                f"replications per state, {self.simulations} simulations>")


def appraise(programme, replications=4, seed=None, threads=0):
    """Appraises a programme file (docs/planning.md): results depend on (programme, seed, replications) only,
    never on ``threads``. Raises ProgrammeError at the file, line and column of a problem."""
    return Appraisal(_corridor.appraise(str(programme), int(replications), seed, int(threads)))
