"""``train`` and ``evaluate``: the Training tab's run, headless (the same ``ml.training_run.run_training``).

``train`` prints one line per epoch and ends with one JSON line holding at
least ``test_loss``, ``test_accuracy``, ``epochs_run`` and ``seconds``;
``evaluate`` prints the same metrics for a saved model.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from cnnexplorer.commands.predict import add_reading_options, load_for_model


def register(sub: argparse._SubParsersAction) -> None:
    train = sub.add_parser(
        "train", help="train a template, design or saved model on a dataset and save it as .keras",
        description="Train a model and save it. Prints one line per epoch, then a JSON line with the test results.",
    )
    source = train.add_mutually_exclusive_group(required=True)
    source.add_argument("--template", metavar="NAME", help="a built-in design, e.g. mnist-cnn")
    source.add_argument("--spec", metavar="FILE", help="a design saved by the Builder (.json)")
    source.add_argument("--model", metavar="FILE.keras", help="a saved Keras model to train further")
    train.add_argument("--dataset", default="mnist-sample",
                       help="dataset name (see 'cnnexplorer datasets') or an image folder (default: mnist-sample)")
    train.add_argument("--epochs", type=int, default=5, help="number of epochs (default: 5)")
    train.add_argument("--batch-size", type=int, default=64, help="batch size (default: 64)")
    train.add_argument("--seed", type=int, default=0, help="random seed for weights and shuffling (default: 0)")
    train.add_argument("--validation-split", type=float, default=0.0, metavar="F",
                       help="fraction of the training set held out for validation (default: 0 = the dataset's "
                            "own validation set, if any)")
    train.add_argument("--early-stopping", type=int, default=0, metavar="PATIENCE",
                       help="stop after this many epochs without a better validation loss (default: 0 = off)")
    train.add_argument("--no-shuffle", action="store_true", help="keep the training set's order")
    train.add_argument("--out", required=True, metavar="MODEL.keras", help="where to save the trained model")
    train.add_argument("--history", metavar="FILE.json",
                       help="also write the run (settings, per-epoch history, test results) as JSON; the app's "
                            "Training tab opens it with 'Import run…'")
    add_reading_options(train)
    train.set_defaults(func=_train)

    evaluate = sub.add_parser("evaluate", help="test-set loss and accuracy of a saved model on a dataset")
    evaluate.add_argument("--model", required=True, metavar="FILE.keras", help="the saved model")
    evaluate.add_argument("--dataset", default="mnist-sample", help="dataset name or image folder")
    evaluate.add_argument("--batch-size", type=int, default=256, help="batch size (default: 256)")
    add_reading_options(evaluate)
    evaluate.set_defaults(func=_evaluate)


def json_safe(value):
    """JSON has no NaN: non-finite numbers become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def print_epoch(event) -> None:
    """One line per finished epoch (shared with the pretrained command)."""
    if event.kind != "epoch":
        return
    m = event.metrics
    parts = [f"epoch {event.step}/{event.total}"]
    for name in ("loss", "accuracy", "val_loss", "val_accuracy"):
        if name in m:
            parts.append(f"{name} {m[name]:.4f}")
    parts.append(f"({m.get('seconds', 0.0):.1f} s)")
    print("  ".join(parts), flush=True)


def _load_source(args):
    """(design or model to train, its name) from --template/--spec/--model; a design is checked first."""
    from cnnexplorer.core.errors import SpecError
    from cnnexplorer.core.i18n import translate
    from cnnexplorer.core.shapes import validate
    from cnnexplorer.core.spec import load_spec, template
    from cnnexplorer.ml.model_files import load_model_file

    if args.model:
        model, _ = load_model_file(args.model)
        return model, Path(args.model).stem
    spec = template(args.template) if args.template else load_spec(args.spec)
    problems = validate(spec, batch_size=args.batch_size)  # the size budget counts the batch
    if problems:
        raise SpecError(translate("commands", "The design cannot be trained: {problems}").format(
            problems=" ".join(str(p) for p in problems)))
    return spec, spec.name


def _train(args: argparse.Namespace) -> int:
    from cnnexplorer.core.coach import coach
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.errors import UserError
    from cnnexplorer.core.files import check_writable
    from cnnexplorer.core.i18n import translate
    from cnnexplorer.core.runs import write_run_file
    from cnnexplorer.ml.model_files import save_model_file
    from cnnexplorer.ml.training_run import run_training

    config = TrainingConfig(epochs=args.epochs, batch_size=args.batch_size, validation_split=args.validation_split,
                            seed=args.seed, shuffle=not args.no_shuffle, early_stopping_patience=args.early_stopping)
    config.validate()
    out = Path(args.out)
    if out.suffix != ".keras":
        raise UserError(translate("commands", "The output file must end in .keras (got {name}); e.g. --out "
                                              "model.keras.").format(name=out.name))
    check_writable(out)  # before a long training, not after it
    if args.history:
        check_writable(args.history)
    source, name = _load_source(args)
    dataset = load_for_model(args, source)  # an image folder is read at the model's size and channels
    print(f"training {name} on {dataset.info.name}: {len(dataset.x_train)} training / {len(dataset.x_test)} test "
          f"examples, {config.epochs} epochs, batch {config.batch_size}", flush=True)
    outcome = run_training(source, dataset.info.name, config, dataset=dataset, model_name=name, predict=False,
                           progress=print_epoch)
    result, run = outcome.result, outcome.run
    if run is None:  # run_training always describes the run it trained
        raise RuntimeError("run_training returned no run record")
    save_model_file(outcome.model, str(out))  # a failed write raises FileWriteError: one sentence, no traceback
    advice = coach(result.history, result.batch_losses, dataset.info.num_classes, run.settings.get("learning_rate"))
    print(f"coach: {advice.text}", flush=True)
    if args.history:
        run.model_path = str(out.resolve())
        write_run_file(run, args.history)  # the run format: the app's runs list opens it (Import run…)
    summary = {k: json_safe(v) for k, v in result.summary().items()}
    summary["model_file"] = str(out)
    print(json.dumps(summary), flush=True)
    if result.stop_reason == "nan":
        print("error: " + advice.text, file=sys.stderr)
        return 1
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    import time

    from cnnexplorer.ml.model_files import load_model_file
    from cnnexplorer.ml.train import evaluate_model

    start = time.perf_counter()
    model, _ = load_model_file(args.model)
    dataset = load_for_model(args, model)
    metrics = evaluate_model(model, dataset, batch_size=args.batch_size)
    print(f"test_loss {metrics['test_loss']:.4f}  test_accuracy {metrics['test_accuracy']:.4f}", flush=True)
    print(json.dumps({**{k: json_safe(v) for k, v in metrics.items()}, "examples": len(dataset.x_test),
                      "seconds": round(time.perf_counter() - start, 3)}), flush=True)
    return 0
