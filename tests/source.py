"""The project's own Python modules, read as text: for tests that hold a rule to one module."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def modules_containing(text: str, *, besides: str) -> list[str]:
    """The app modules (tests excluded) whose source contains `text`, other than `besides` (a relative path)."""
    packages = [path.parent for path in ROOT.glob("*/__init__.py") if path.parent.name != "tests"]
    return sorted(
        path.relative_to(ROOT).as_posix()
        for package in packages
        for path in package.rglob("*.py")
        if path.relative_to(ROOT).as_posix() != besides and text in path.read_text(encoding="utf-8")
    )
