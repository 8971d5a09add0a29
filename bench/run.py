"""`make bench`: the monitor against its peers on the same feeds and the same server, on two
corpora: the generated one (gen_corpus.py: plain RSS/Atom) and the real-shaped one
(gen_real_corpus.py: N feeds made from real documents, namespaces, CDATA, media tags, HTML).

    .venv/bin/python bench/run.py                 # per corpus: N=500 feeds x M=30 items, 3 reps,
                                                  # all peers, then the 2,000-feed first poll;
                                                  # then matching
    N=100 REPS=1 BIG=0 .venv/bin/python bench/run.py       # a quick smoke run
    CORPORA=real TEMPLATES=DIR .venv/bin/python bench/run.py   # real-shaped, other templates

Environment (defaults in brackets): N [500] feeds, M [30] items per feed, REPS [3] repetitions,
PEERS [reader,feed2exec,feedparser,fetch], WORKERS [4] peer workers, PORT [18490],
BIG [2000 when N >= 500, else 0] feeds for the large first-poll run (0: skip it), BIG_REPS [3],
BIG_PEERS [reader], MATCH [1] matching micro-benchmark, SEED [42], CORPORA [generated,real],
TEMPLATES [the kit's default: ../corpus/real] for the real-shaped corpus, PARSE_WORKERS [the
project's default] for the monitor,
REPLICAS [1] the PostgreSQL section (bench/replicas.py: replicas over one PostgreSQL),
MONITOR_SHARED [<repo>/../shared].

Everything else comes from the shared benchmark kit (``$MONITOR_SHARED/bench``): the corpus
generator, the nginx launcher and the peer adapters, called or imported, never copied. Peers are
installed in /tmp/peers/NAME as the kit's run_peers.sh does (same venvs, reused). The corpora live
in /tmp/monitor-bench-N{N}-M{M}/ (generated) and /tmp/monitor-bench-real-N{N}-M{M}-S{SEED}/
(real-shaped; gen0; gen1 = gen0 + 3 items per feed; ``live`` flips between them), separate from
run_peers.sh's, so both can run on one machine.

For each repetition every peer (the monitor included, peers rotated between repetitions) runs the
phases setup, cold (first poll), same (nothing changed) and advanced (+3 items per feed), each in
a fresh process measured by bench/measure.py: wall, CPU of the whole process tree (wait4), peak
summed RSS and PSS of the tree (sampled from /proc). Tables show medians [min-max], ratios of
medians against each peer, and the issue's targets (ratios against reader from this same run).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402
import monitor_adapter  # noqa: E402

SHARED = Path(os.environ.get("MONITOR_SHARED", REPO.parent / "shared")).resolve()
KIT = SHARED / "bench"
PEER_VENVS = Path("/tmp/peers")
PEER_PACKAGES = {  # as run_peers.sh installs them (same venv names and marker file)
    "reader": ["reader", "sgmllib3k", "pyinstrument"],
    "feed2exec": ["feed2exec"],
    "feedparser": ["feedparser"],
    "fetch": ["httpx"],
}
PHASES = ["setup", "cold", "same", "advanced"]
# per corpus: wall-time ratios against reader (N), first-poll growth N -> BIG, peak summed RSS of
# the process tree against reader at BIG, and the issue that set them
GENERATORS = {"generated": "gen_corpus.py", "real": "gen_real_corpus.py"}
TARGETS = {
    "generated": {"cold": 0.3, "same": 0.6, "advanced": 0.15, "growth": None, "rss": 2.0,
                  "issue": "issue 6"},
    "real": {"cold": 0.25, "same": 0.35, "advanced": 0.10, "growth": 4.0, "rss": 1.5,
             "issue": "issue 10"},
}
MONITOR_PY = str(REPO / ".venv" / "bin" / "python")


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- setup: peers, corpus, server ---------------------------------------------------------------


def install_peers(names: list[str]) -> None:
    for name in names:
        pkgs = PEER_PACKAGES[name]
        venv = PEER_VENVS / name
        marker = venv / ".bench-ok"
        if (venv / "bin" / "python").exists() and marker.exists() and \
                marker.read_text().split() == pkgs:
            continue
        log(f"installing peer {name}: {' '.join(pkgs)} into {venv}")
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
                        *pkgs], check=True)
        marker.write_text(" ".join(pkgs) + "\n")


def peer_versions(names: list[str]) -> str:
    out = []
    for name in names:
        code = ("import importlib.metadata as m, sys; print(' '.join(p + '=' + m.version(p) "
                "for p in sys.argv[1:]))")
        pkg = {"reader": "reader", "feed2exec": "feed2exec", "feedparser": "feedparser",
               "fetch": "httpx"}[name]
        r = subprocess.run([str(PEER_VENVS / name / "bin" / "python"), "-c", code, pkg],
                           capture_output=True, text=True)
        out.append(r.stdout.strip() or name)
    r = subprocess.run([MONITOR_PY, "-c", "import feedparser, aiohttp; "
                        "print('monitor: feedparser=' + feedparser.__version__ + ' aiohttp=' + "
                        "aiohttp.__version__)"], capture_output=True, text=True)
    out.append(r.stdout.strip())
    return ", ".join(out)


def make_corpus(n: int, m: int, seed: int, kind: str = "generated") -> Path:
    templates = os.environ.get("TEMPLATES") if kind == "real" else None
    root = Path(f"/tmp/monitor-bench-N{n}-M{m}" if kind == "generated" else
                f"/tmp/monitor-bench-real-N{n}-M{m}-S{seed}"
                + (f"-{Path(templates).name}" if templates else ""))
    manifest = root / "gen1" / "manifest.json"
    if manifest.exists():
        man = json.loads(manifest.read_text())
        if man.get("feeds") == n and man.get("seed") == seed and man.get("generation") == 1:
            return root
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    gen = [sys.executable, str(KIT / GENERATORS[kind])]
    extra = ["--templates", templates] if templates else []
    subprocess.run([*gen, "--out", str(root / "gen0"), "--feeds", str(n), "--items", str(m),
                    "--seed", str(seed), *extra], check=True, stdout=sys.stderr)
    shutil.copytree(root / "gen0", root / "gen1", copy_function=shutil.copy2)
    subprocess.run([*gen, "--out", str(root / "gen1"), "--advance", "3"], check=True,
                   stdout=sys.stderr)
    return root


class Server:
    """The kit's serve.sh (Debian nginx, installed if missing) on ROOT/live."""

    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port = root, port
        self.run_dir = Path(f"/tmp/bench-nginx-{port}")

    def __enter__(self) -> Server:
        flip(self.root, "gen0")
        subprocess.run(["bash", str(KIT / "serve.sh"), "--stop", str(self.port)],
                       capture_output=True)
        r = subprocess.run(["bash", str(KIT / "serve.sh"), str(self.root / "live"),
                            str(self.port)], capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(f"server did not start: {r.stdout}{r.stderr}")
        log(r.stdout.strip())
        self.kind = "nginx" if "nginx" in r.stdout else "pyserve"
        self.pid = int((self.run_dir / "nginx.pid").read_text())
        self.access_log = self.run_dir / "access.log"
        return self

    def __exit__(self, *exc: object) -> None:
        subprocess.run(["bash", str(KIT / "serve.sh"), "--stop", str(self.port)],
                       capture_output=True)


def flip(root: Path, gen: str) -> None:
    tmp = root / ".live.tmp"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(root / gen)
    os.replace(tmp, root / "live")


# --- one action ---------------------------------------------------------------------------------


def run_action(kit_peers, peer: str, phase: str, state: Path, urls_file: Path, urls: list[str],
               root: Path, server: Server, workers: int) -> dict:
    corpus = root / "live"
    if peer == "monitor":
        if phase == "setup":
            t0 = time.perf_counter()
            monitor_adapter.write_config(state, urls)
            return dict(wall_s=time.perf_counter() - t0, cpu_s=0.0, tree_rss_mb=0.0,
                        tree_pss_mb=0.0, maxrss_mb=0.0, rc=0, http={}, stored=0, new=0)
        before = monitor_adapter.stored(state)
        argv = monitor_adapter.argv(MONITOR_PY, state / "monitor.yaml")
        env = monitor_adapter.env()
    else:
        argv = [str(PEER_VENVS / peer / "bin" / "python"), str(KIT / "peer_runner.py"), peer,
                "setup" if phase == "setup" else "poll", "--state", str(state), "--urls",
                str(urls_file), "--corpus", str(corpus), "--workers", str(workers)]
        env = None
    offset = server.access_log.stat().st_size
    srv0 = kit_peers.proc_cpu(server.pid)
    m = measure.run(argv, env=env, cwd=str(state))
    time.sleep(0.05)  # the server's last log lines
    rec = dict(wall_s=m.wall_s, cpu_s=m.cpu_s, tree_rss_mb=m.tree_rss_mb,
               tree_pss_mb=m.tree_pss_mb, maxrss_mb=m.maxrss_mb, rc=m.rc,
               http=kit_peers.log_stats(str(server.access_log), offset),
               server_cpu_s=kit_peers.proc_cpu(server.pid) - srv0)
    if peer == "monitor":
        after = monitor_adapter.stored(state)
        rec.update(stored=after, new=after - before, **monitor_adapter.summary(m.stdout))
    else:
        with contextlib.suppress(ValueError, IndexError):
            rec.update(json.loads(m.stdout.strip().splitlines()[-1]))
    if m.rc:
        rec["error"] = (m.stderr or m.stdout)[-2000:]
    return rec


def suite(kit_peers, label: str, root: Path, port: int, peers: list[str], phases: list[str],
          reps: int, workers: int) -> list[dict]:
    man = json.loads((root / "gen0" / "manifest.json").read_text())
    urls = [f"http://127.0.0.1:{port}/{p}" for p in
            (root / "gen0" / "feeds.txt").read_text().split()]
    urls_file = root / "urls.txt"
    urls_file.write_text("\n".join(urls) + "\n")
    recs = []
    with Server(root, port) as server:
        for rep in range(reps):
            order = peers[rep % len(peers):] + peers[: rep % len(peers)]
            for peer in order:
                state = root / "state" / peer
                shutil.rmtree(state, ignore_errors=True)
                state.mkdir(parents=True)
                for phase in phases:
                    flip(root, "gen1" if phase == "advanced" else "gen0")
                    r = run_action(kit_peers, peer, phase, state, urls_file, urls, root, server,
                                   workers)
                    r.update(suite=label, peer=peer, phase=phase, rep=rep + 1,
                             feeds=man["feeds"], items_per_feed=man["items_per_feed"],
                             server=server.kind)
                    recs.append(r)
                    h = r["http"]
                    log(f"[{label}] rep {rep + 1} {peer:<10} {phase:<8} wall {r['wall_s']:7.2f}s "
                        f"cpu {r['cpu_s']:7.2f}s tree RSS {r['tree_rss_mb']:6.0f}MB "
                        f"http {h.get('s200', 0)}/{h.get('s304', 0)} new {r.get('new')}"
                        + (f"  ERROR {r['error'][-400:]}" if r.get("error") else ""))
        flip(root, "gen0")
    return recs


# --- tables -------------------------------------------------------------------------------------


def med(recs: list[dict], key: str) -> float | None:
    vals = [r[key] for r in recs if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def cell(recs: list[dict], key: str, nd: int = 2) -> str:
    vals = [r[key] for r in recs if r.get(key) is not None]
    if not vals:
        return "-"
    m = statistics.median(vals)
    if len(vals) == 1:
        return f"{m:.{nd}f}"
    return f"{m:.{nd}f} [{min(vals):.{nd}f}-{max(vals):.{nd}f}]"


def render(header: list[str], rows: list[list[str]]) -> str:
    w = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]

    def line(r: list[str]) -> str:
        return "| " + " | ".join(str(x).ljust(n) for x, n in zip(r, w, strict=True)) + " |"

    return "\n".join([line(header), "|" + "|".join("-" * (n + 2) for n in w) + "|",
                      *(line(r) for r in rows)])


def phase_table(recs: list[dict], peers: list[str], phases: list[str]) -> str:
    header = ["phase", "peer", "wall s med [min-max]", "cpu s (tree)", "peak RSS MB (tree)",
              "peak PSS MB (tree)", "200/304", "new items", "monitor wall ratio"]
    rows = []
    for ph in phases:
        if ph == "setup":
            continue
        mon = [r for r in recs if r["peer"] == "monitor" and r["phase"] == ph]
        for peer in peers:
            rs = [r for r in recs if r["peer"] == peer and r["phase"] == ph]
            if not rs:
                continue
            h = rs[-1]["http"]
            ratio = "-"
            if peer != "monitor" and mon and med(rs, "wall_s"):
                ratio = f"{med(mon, 'wall_s') / med(rs, 'wall_s'):.3f}x"
            new = rs[-1].get("new", "-") if peer in ("monitor", "reader", "feed2exec") else (
                f"parsed {rs[-1]['parsed']}" if "parsed" in rs[-1] else "-")
            rows.append([ph, peer, cell(rs, "wall_s"), cell(rs, "cpu_s"),
                         cell(rs, "tree_rss_mb", 0), cell(rs, "tree_pss_mb", 0),
                         f"{h.get('s200', 0)}/{h.get('s304', 0)}" if h else "-", str(new), ratio])
    return render(header, rows)


def ratio_table(recs: list[dict], peers: list[str], phases: list[str]) -> str:
    """monitor / peer, ratio of medians, for wall, CPU and peak tree RSS."""
    header = ["phase", "vs peer", "wall", "cpu", "peak RSS (tree)", "peak PSS (tree)"]
    rows = []
    for ph in phases:
        if ph == "setup":
            continue
        mon = [r for r in recs if r["peer"] == "monitor" and r["phase"] == ph]
        for peer in peers:
            rs = [r for r in recs if r["peer"] == peer and r["phase"] == ph]
            if peer == "monitor" or not rs or not mon:
                continue
            cols = []
            for key in ("wall_s", "cpu_s", "tree_rss_mb", "tree_pss_mb"):
                a, b = med(mon, key), med(rs, key)
                cols.append(f"{a / b:.3f}x" if a is not None and b else "-")
            rows.append([ph, peer, *cols])
    return render(header, rows)


def target_table(main: list[dict], big: list[dict], n: int, n_big: int, match: dict,
                 kind: str) -> str:
    t = TARGETS[kind]
    header = ["target", "monitor", "reader", "ratio", "limit", "met"]
    rows = []

    def ph(recs: list[dict], peer: str, phase: str) -> list[dict]:
        return [r for r in recs if r["peer"] == peer and r["phase"] == phase]

    names = {"cold": "first poll wall", "same": "unchanged poll wall",
             "advanced": "+3 items/feed poll wall"}
    for phase in ("cold", "same", "advanced"):
        limit = t[phase]
        a, b = med(ph(main, "monitor", phase), "wall_s"), med(ph(main, "reader", phase), "wall_s")
        if a is None or b is None:
            continue
        rows.append([f"{names[phase]} (N={n})", f"{a:.2f} s", f"{b:.2f} s", f"{a / b:.3f}x",
                     f"<= {limit}x", "yes" if a / b <= limit else "NO"])
    if big:
        a_big = med(ph(big, "monitor", "cold"), "wall_s")
        a_small = med(ph(main, "monitor", "cold"), "wall_s")
        b_big = med(ph(big, "reader", "cold"), "wall_s")
        b_small = med(ph(main, "reader", "cold"), "wall_s")
        if a_big and a_small:
            growth = a_big / a_small
            limit = t["growth"] or n_big / n
            rows.append([f"first poll growth N={n}->{n_big}", f"{a_small:.2f} -> {a_big:.2f} s",
                         f"{b_small:.2f} -> {b_big:.2f} s" if b_big and b_small else "-",
                         f"{growth:.2f}x", f"<= {limit:.1f}x", "yes" if growth <= limit else "NO"])
        if a_big and b_big:
            rows.append([f"first poll wall (N={n_big})", f"{a_big:.2f} s", f"{b_big:.2f} s",
                         f"{a_big / b_big:.3f}x", f"(<= {t['cold']}x at N={n})",
                         "yes" if a_big / b_big <= t["cold"] else "no"])
        for key, what, limit in (("tree_rss_mb", "summed RSS", t["rss"]),
                                 ("tree_pss_mb", "PSS", None)):
            a, b = med(ph(big, "monitor", "cold"), key), med(ph(big, "reader", "cold"), key)
            if a and b:
                rows.append([f"peak {what} of the process tree, first poll N={n_big}",
                             f"{a:.0f} MB", f"{b:.0f} MB", f"{a / b:.2f}x",
                             f"<= {limit}x" if limit else "(for information)",
                             ("yes" if a / b <= limit else "NO") if limit else "-"])
    for key, what in (("tree_rss_mb", "summed RSS"), ("tree_pss_mb", "PSS")):
        a, b = med(ph(main, "monitor", "cold"), key), med(ph(main, "reader", "cold"), key)
        if a and b:
            rows.append([f"peak {what} of the process tree, first poll N={n}", f"{a:.0f} MB",
                         f"{b:.0f} MB", f"{a / b:.2f}x", f"(<= {t['rss']}x at N={n_big or 2000})",
                         "yes" if a / b <= t["rss"] else "no"])
    if kind == "generated" and ("seed_items_per_s" in match or "corpus_items_per_s" in match):
        v = match.get("seed_items_per_s", match.get("corpus_items_per_s"))
        rows.append(["matching, seed watchlist, one core", f"{v:,.0f} items/s", "-", "-",
                     ">= 100,000 items/s", "yes" if v >= 100_000 else "NO"])
    return render(header, rows)


def group_line(g: dict) -> str:
    """The grouping benchmark (groupbench.py) in one line: it should be flat."""
    return (f"grouping, checking a new alert (median, ms): 100 alerts of its entity in the "
            f"window {g['new_ms@100']:.2f} new story / {g['copy_ms@100']:.2f} copy; 10,000: "
            f"{g['new_ms@10000']:.2f} / {g['copy_ms@10000']:.2f} (ratio {g['ratio_new']:.2f}x / "
            f"{g['ratio_copy']:.2f}x; copies found {g['copies_found@10000']:.0%})")


def report(kind: str, main_recs: list[dict], big_recs: list[dict], all_peers: list[str],
           big_peers: list[str], n: int, m: int, n_big: int, reps: int, big_reps: int,
           match: dict, root: Path) -> None:
    man = json.loads((root / "gen0" / "manifest.json").read_text())
    print(f"## {kind} corpus ({GENERATORS[kind]}): N={n} feeds x M={m} items, "
          f"{man['bytes'] / 1e6:.1f} MB, medians of {reps} runs [min-max]")
    print()
    print(phase_table(main_recs, all_peers, PHASES))
    print()
    print("monitor / peer (ratio of medians; < 1 is faster or smaller):")
    print(ratio_table(main_recs, all_peers, PHASES))
    if big_recs:
        print()
        print(f"first poll at N={n_big} (medians of {big_reps}):")
        print(phase_table(big_recs, ["monitor", *big_peers], ["cold"]))
    print()
    print(f"targets ({TARGETS[kind]['issue']}), ratios against reader measured in this run:")
    print(target_table(main_recs, big_recs, n, n_big, match, kind))
    print()


def main() -> int:
    n, m, reps = env_int("N", 500), env_int("M", 30), env_int("REPS", 3)
    seed, port, workers = env_int("SEED", 42), env_int("PORT", 18490), env_int("WORKERS", 4)
    n_big = env_int("BIG", 2000 if n >= 500 else 0)
    big_reps = env_int("BIG_REPS", 3)
    peers = [p for p in os.environ.get("PEERS", "reader,feed2exec,feedparser,fetch").split(",")
             if p]
    big_peers = [p for p in os.environ.get("BIG_PEERS", "reader").split(",") if p]
    if not (KIT / "peers.py").exists():
        log(f"the shared benchmark kit is missing: {KIT} (set MONITOR_SHARED)")
        return 2
    sys.path.insert(0, str(KIT))
    import peers as kit_peers  # the kit's log parser and server CPU reader

    started = time.monotonic()
    # the monitor's own modules as bytecode, as an install (pip, Docker) leaves them and the
    # peers' are: from an editable checkout with PYTHONDONTWRITEBYTECODE set (as here), every
    # `poll-once` and every parser worker compiled the ~45 modules again (~50 ms of CPU each)
    subprocess.run([MONITOR_PY, "-m", "compileall", "-q", str(REPO / "monitor")], check=True)
    install_peers(sorted(set(peers) | (set(big_peers) if n_big else set())))
    versions = peer_versions(sorted(set(peers) | set(big_peers)))
    log(versions)

    kinds = [k for k in os.environ.get("CORPORA", "generated,real").split(",") if k]
    unknown = set(kinds) - set(GENERATORS)
    if unknown:
        log(f"CORPORA: unknown {sorted(unknown)}; known: {sorted(GENERATORS)}")
        return 2
    match: dict = {}
    if env_int("MATCH", 1):
        root = make_corpus(n, m, seed)
        r = subprocess.run([MONITOR_PY, str(HERE / "matchbench.py"), "--corpus",
                            str(root / "gen0")], capture_output=True, text=True)
        if r.returncode == 0:
            match = json.loads(r.stdout.strip().splitlines()[-1])
        else:
            log(f"matching benchmark failed: {r.stderr[-1000:]}")
        log(f"matching: {match}")

    group: dict = {}
    if env_int("GROUP", 1):
        r = subprocess.run([MONITOR_PY, str(HERE / "groupbench.py")], capture_output=True,
                           text=True)
        if r.returncode == 0:
            group = json.loads(r.stdout.strip().splitlines()[-1])
        else:
            log(f"grouping benchmark failed: {r.stderr[-1000:]}")
        log(f"grouping: {group}")

    all_peers = ["monitor", *peers]
    results: list[tuple[str, list[dict], list[dict], Path]] = []
    for kind in kinds:
        root = make_corpus(n, m, seed, kind)
        main_recs = suite(kit_peers, f"{kind} N={n}", root, port, all_peers, PHASES, reps,
                          workers)
        big_recs: list[dict] = []
        if n_big:
            big_root = make_corpus(n_big, m, seed, kind)
            big_recs = suite(kit_peers, f"{kind} N={n_big}", big_root, port,
                             ["monitor", *big_peers], ["setup", "cold"], big_reps, workers)
        results.append((kind, main_recs, big_recs, root))
    out = Path("/tmp") / f"monitor-bench-results-{time.strftime('%Y%m%d-%H%M%S')}.jsonl"
    with out.open("w") as fh:
        for kind, main_recs, big_recs, _ in results:
            for r in main_recs + big_recs:
                fh.write(json.dumps({"corpus": kind, **r}) + "\n")
        fh.write(json.dumps({"match": match}) + "\n")
        fh.write(json.dumps({"group": group}) + "\n")

    server = results[0][1][0]["server"] if results and results[0][1] else "?"
    print(f"# monitor benchmark: peers interleaved, server {server} on 127.0.0.1, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end")
    print(f"# {versions}; peers with {workers} workers; monitor with the project's defaults, "
          "per_host = concurrency (one host serves every feed)")
    print()
    for kind, main_recs, big_recs, root in results:
        report(kind, main_recs, big_recs, all_peers, big_peers, n, m, n_big, reps, big_reps,
               match, root)
    if match:
        print("matching alone, one core: " + ", ".join(
            f"{k} {v:,.3f}" if "compile" in k else f"{k} {v:,.0f}" for k, v in match.items()))
        if match.get("seed_items_per_s") and match.get("big_items_per_s"):
            ratio = match["big_items_per_s"] / match["seed_items_per_s"]
            print(f"50,000-alias watchlist vs seed watchlist, items/s: {ratio:.2f}x "
                  f"(issue 3: at least 0.5x; compile {match['big_compile_s']:.2f} s, "
                  "at most 10 s)")
        print()
    if group:
        print(group_line(group))
    if env_int("REPLICAS", 1):  # the PostgreSQL section: replicas over one database
        sys.stdout.flush()
        subprocess.run([MONITOR_PY, str(HERE / "replicas.py")], check=False)
        print()
    print(f"raw results: {out}; total {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
