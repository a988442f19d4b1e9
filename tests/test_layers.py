"""No import runs back up the layers: each package imports only packages of lower layers."""

import ast
from pathlib import Path

import newsgraph

# Lowest first. The store knows no stage; stages know no store; evaluation and training sit
# above the stages they score; executors, the API and the CLI sit on top.
LAYERS = (
    {"model", "errors", "config", "heap"},
    {"stage", "store", "ingest", "clean", "dictionaries", "annotate"},
    {"link", "events", "claims"},
    {"pipeline", "query", "export"},
    {"run"},
    {"evaluate"},  # scores whole runs (ingest into a temporary store, then ask) and trains models
    {"api"},
    {"cli", "__init__"},
)
ROOT = Path(newsgraph.__file__).parent


def layer_of(name: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if name in layer)


def imports(path: Path) -> set[str]:
    """The newsgraph packages or top-level modules a file imports (lazy imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if parts[0] == "newsgraph":
                found |= {parts[1]} if len(parts) > 1 else {a.name for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("newsgraph.")}
    return found


def test_every_package_has_a_layer() -> None:
    names = {p.name if p.is_dir() else p.stem for p in ROOT.iterdir() if not p.name.startswith("_")}
    names = {n for n in names if (ROOT / n).is_dir() or (ROOT / f"{n}.py").is_file()}
    names -= {"resources", "py"}  # data, not code
    assert names - set().union(*LAYERS) == set()


def test_no_import_runs_back_up_the_layers() -> None:
    upward = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        package = parts[0] if len(parts) > 1 else path.stem
        if package == "resources":
            continue
        for target in imports(path) - {package}:
            if layer_of(target) >= layer_of(package):
                upward.append(f"{path.relative_to(ROOT)} imports newsgraph.{target}")
    assert upward == []
