"""Rasa's own checks of the training data and dialogue, run against the trained model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.runtime.training import model_path

ROOT = Path(__file__).resolve().parents[2]
RASA = str(Path(sys.executable).with_name("rasa"))
INTENT_F1_BAR = 0.90


def rasa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})


@pytest.fixture(scope="module")
def model() -> Path:
    path = model_path()
    if not path.exists():
        pytest.fail(f"no trained model at {path}: run `make test`, which trains it first")
    return path


def test_training_data_is_valid() -> None:
    result = rasa("data", "validate", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_dialogue_stories_predict_every_action(model: Path, tmp_path: Path) -> None:
    result = rasa("test", "core", "--model", str(model), "--stories",
                  "tests/dialogue/test_stories.yml", "--fail-on-prediction-errors",
                  "--out", str(tmp_path))
    failed = tmp_path / "failed_test_stories.yml"
    detail = failed.read_text() if failed.exists() else result.stdout[-4000:]
    assert result.returncode == 0, detail + result.stderr[-2000:]


def test_nlu_on_unseen_messages(model: Path) -> None:
    out = ROOT / "results" / "nlu"  # git-ignored; kept for a look after the run
    result = rasa("test", "nlu", "--model", str(model), "--nlu", "tests/nlu/nlu_test.yml",
                  "--out", str(out))
    assert result.returncode == 0, result.stderr[-4000:]
    report = json.loads((out / "intent_report.json").read_text())
    macro_f1 = report["macro avg"]["f1-score"]
    weak = sorted((name, round(values["f1-score"], 2)) for name, values in report.items()
                  if isinstance(values, dict) and "f1-score" in values
                  and name not in ("macro avg", "weighted avg", "micro avg")
                  and values["f1-score"] < 0.8)
    print(f"intent macro-F1 on unseen messages: {macro_f1:.3f}; weakest: {weak}")
    assert macro_f1 >= INTENT_F1_BAR, f"macro-F1 {macro_f1:.3f} < {INTENT_F1_BAR}; weak: {weak}"
