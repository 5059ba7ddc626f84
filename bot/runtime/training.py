"""Train the Rasa model only when its inputs changed.

The model's file name carries a hash of config.yml, domain.yml, everything under data/ and the
labelled safety sets (tests/safety/*.yml, which the safety net's classifier is trained on), so a
second `make run` or `make test` finds the model it needs and trains nothing, and a change to
any of them trains a new one.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

from bot.records.database import REPO_ROOT
from bot.safety.learned import sets_fingerprint

MODELS_DIR = REPO_ROOT / "models"
TRAINING_INPUTS = ("config.yml", "domain.yml", "data")
#: The labelled safety sets: only the files directly in the folder, as the classifier reads them.
SAFETY_SETS = Path("tests") / "safety"


def training_hash(root: Path = REPO_ROOT) -> str:
    """A content hash of everything the model is trained from."""
    digest = hashlib.sha256()
    for name in TRAINING_INPUTS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    digest.update(b"safety sets:")
    digest.update(sets_fingerprint(root / SAFETY_SETS).encode())
    return digest.hexdigest()[:16]


def model_path(root: Path = REPO_ROOT) -> Path:
    return root / "models" / f"intake-{training_hash(root)}.tar.gz"


def ensure_model(root: Path = REPO_ROOT) -> Path:
    """The trained model for the current inputs, training it first if there is none."""
    path = model_path(root)
    if path.exists():
        print(f"Model is up to date: {path.relative_to(root)}", flush=True)
        return path
    print("Training data or config changed: training the model (a few minutes)...", flush=True)
    started = time.monotonic()
    rasa = Path(sys.executable).with_name("rasa")
    subprocess.run(
        [str(rasa), "train", "--config", "config.yml", "--domain", "domain.yml",
         "--data", "data", "--out", str(path.parent), "--fixed-model-name", path.name[:-7]],
        cwd=root, check=True,
    )
    for old in path.parent.glob("intake-*.tar.gz"):
        if old != path:
            old.unlink()
    print(f"Trained {path.relative_to(root)} in {time.monotonic() - started:.0f} s", flush=True)
    return path


if __name__ == "__main__":
    ensure_model()
