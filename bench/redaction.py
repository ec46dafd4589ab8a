"""Benchmark: the redaction detector on a labelled synthetic set of council case notes.

Run: `.venv/bin/python bench/redaction.py [--notes 2000] [--seed 8] [--processes 2] [--ner] [--bare-share 0.3]`.

Generates ``--notes`` notes (``pledge.redaction.corpus.generate_notes``), runs ``detect`` on each with the note's
case context (requester's identity records and the staff directory), and prints recall and precision per entity
type, for third-party names redacted, and for identifiers; the share of notes in which any of the requester's own
data would be redacted by mistake; and characters per second in one process and in ``--processes`` processes
(each building its own analyzer, as a worker pool would). ``--ner`` adds the optional English model when installed.

Targets (issue 8): third-party name recall >= 0.97 at precision >= 0.90; identifier recall >= 0.99; requester's own
data redacted by mistake in <= 1 % of notes; >= 100,000 characters/second on 2 cores.
"""

import argparse
import sys
import time
from multiprocessing import Pool
from pathlib import Path

# The project root, in place of this folder: bench/requests.py would otherwise shadow the requests package.
sys.path[0] = str(Path(__file__).resolve().parent.parent)

from pledge.redaction.corpus import LabelledNote, generate_notes  # noqa: E402
from pledge.redaction.engine import analyzer_for, detect  # noqa: E402
from pledge.redaction.entities import EntityType  # noqa: E402
from pledge.redaction.evaluation import IDENTIFIERS, THIRD_PARTY_NAMES, Scores, score_note  # noqa: E402

USE_NER = False


def _init(use_ner: bool) -> None:
    global USE_NER
    USE_NER = use_ner
    analyzer_for((), use_ner)


def _detect_count(note: LabelledNote) -> int:
    detect(note.text, context=note.context, use_installed_ner=USE_NER)
    return len(note.text)


def _throughput(notes: list[LabelledNote], processes: int, use_ner: bool) -> float:
    with Pool(processes, initializer=_init, initargs=(use_ner,)) as pool:
        pool.map(_detect_count, notes[:processes], chunksize=1)  # warm every worker
        started = time.perf_counter()
        characters = sum(pool.map(_detect_count, notes, chunksize=16))
        return characters / (time.perf_counter() - started)


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--ner", action="store_true")
    parser.add_argument("--bare-share", type=float, default=0.0, help="third parties first named with no context")
    args = parser.parse_args()

    notes = generate_notes(count=args.notes, seed=args.seed, bare_share=args.bare_share)
    analyzer_for((), args.ner)
    scores = Scores()
    started = time.perf_counter()
    for note in notes:
        score_note(scores, note, detect(note.text, context=note.context, use_installed_ner=args.ner))
    single = scores.characters / (time.perf_counter() - started)

    say(
        f"{scores.notes} notes, {scores.characters:,} characters, seed {args.seed}, bare share {args.bare_share}, "
        f"NER model {'on' if args.ner else 'off'}"
    )
    say(f"{'entity':<32}{'gold':>7}{'recall':>9}{'predicted':>11}{'precision':>11}")
    for key in [*(e.value for e in EntityType), THIRD_PARTY_NAMES, IDENTIFIERS]:
        if scores.gold[key] or scores.predicted[key]:
            say(
                f"{key:<32}{scores.gold[key]:>7}{scores.recall(key):>9.3f}{scores.predicted[key]:>11}"
                f"{scores.precision(key):>11.3f}"
            )
    rate = scores.requester_redacted_rate
    say(f"requester's own data redacted by mistake: {scores.notes_with_requester_redacted} notes ({rate:.2%})")
    say(f"characters/second, 1 process: {single:,.0f}")
    if args.processes > 1:
        say(f"characters/second, {args.processes} processes: {_throughput(notes, args.processes, args.ner):,.0f}")


if __name__ == "__main__":
    main()
