"""``summary``, ``export-code`` and ``templates``: the Builder from the command line (no TensorFlow needed)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    summary = sub.add_parser("summary", help="print a design's layers, output shapes and parameter counts")
    _design_source(summary)
    summary.add_argument("--classes", type=int, metavar="N",
                         help="also check that the output layer fits a dataset with N classes")
    summary.set_defaults(func=_summary)

    export = sub.add_parser("export-code", help="write a runnable Keras 3 script: the whole training script "
                                                 "(load data, train, test, save), or --model-only")
    _design_source(export)
    export.add_argument("--out", required=True, metavar="FILE.py", help="where to write the script")
    export.add_argument("--model-only", action="store_true",
                        help="only build and compile the model and print its summary (the old export)")
    export.add_argument("--dataset", metavar="NAME",
                        help="dataset the script trains on (default: mnist-sample for images, sequences-sample "
                             "for sequences; a bundled one is copied beside the script)")
    export.add_argument("--epochs", type=int, default=5)
    export.add_argument("--batch-size", type=int, default=64)
    export.add_argument("--validation-split", type=float, default=0.0, metavar="F",
                        help="fraction of the training set held out for validation (default 0)")
    export.add_argument("--seed", type=int, default=0)
    export.set_defaults(func=_export)

    templates = sub.add_parser("templates", help="list the Builder's templates")
    templates.set_defaults(func=_templates)


def _design_source(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--template", metavar="NAME", help="a template name (see 'cnnexplorer templates')")
    group.add_argument("--spec", metavar="FILE.json", help="a design saved by the Builder")


def _load(args: argparse.Namespace):
    from cnnexplorer.core.spec import load_spec, template

    return template(args.template) if args.template else load_spec(args.spec)


def summary_table(spec, num_classes: int | None = None) -> tuple[str, list]:
    """The text table `summary` prints, and the problems found."""
    from cnnexplorer.core.shapes import check, fmt_shape

    report, problems = check(spec, num_classes)
    header = ("#", "layer", "output shape", "params", "total")
    rows = [("", "Input", fmt_shape(report.input_shape), "", "")]
    for r in report.layers:
        mark = " !" if r.problems else ""
        rows.append((str(r.index), r.type + mark, fmt_shape(r.output_shape), f"{r.params:,}", f"{r.total:,}"))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(5)]
    right = (False, False, False, True, True)

    def line(row):
        return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right)).rstrip()

    out = [f"Design: {spec.name}", line(header), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in rows]
    out.append("")
    out.append(f"Total parameters: {report.total_params:,} (trainable {report.trainable_params:,}, "
               f"non-trainable {report.non_trainable_params:,})")
    c = spec.compile
    out.append(f"Compile: {c.optimizer} (learning rate {c.learning_rate:g}), loss {c.loss}, "
               f"metrics {', '.join(c.metrics)}")
    return "\n".join(out), problems


def _summary(args: argparse.Namespace) -> int:
    spec = _load(args)
    text, problems = summary_table(spec, args.classes)
    print(text)
    if problems:
        print(f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''}: the design cannot be trained yet.",
              file=sys.stderr)
        for p in problems:
            print(f"  - {p.message}", file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.shapes import validate
    from cnnexplorer.ml.codegen import dataset_npz, export_files, write_export
    from cnnexplorer.ml.data import dataset_info

    spec = _load(args)
    out = Path(args.out)
    info = config = data = None
    if not args.model_only:
        default = "mnist-sample" if len(spec.input_shape) == 3 else "sequences-sample"
        info = dataset_info(args.dataset or default)
        config = TrainingConfig(epochs=args.epochs, batch_size=args.batch_size,
                                validation_split=args.validation_split, seed=args.seed)
        config.validate()
        data = dataset_npz(info)
    files = export_files(spec, out, info, config, complete=not args.model_only, data=data)
    write_export(files)  # each file atomic: a failed write keeps the previous script whole
    if info is None:  # --model-only
        print(f"Wrote {out}: a Keras 3 script building '{spec.name}'. Run it with: python {out}")
    else:
        extra = [p.name for p in files if p != out]
        print(f"Wrote {out}: a Keras 3 script that trains '{spec.name}' on {info.name} for {args.epochs} "
              f"epoch(s), tests it and saves it" + (f" (with {' and '.join(extra)} beside it)" if extra else "")
              + f". Run it with: python {out}")
    problems = validate(spec)
    if problems:
        print("warning: the design has problems (listed at the top of the script); fix them before training:",
              file=sys.stderr)
        for p in problems:
            print(f"  - {p.message}", file=sys.stderr)
    return 0


def _templates(args: argparse.Namespace) -> int:
    from cnnexplorer.core.shapes import infer_shapes
    from cnnexplorer.core.spec import TEMPLATES, template

    width = max(len(n) for n in TEMPLATES)
    for name, (description, _) in TEMPLATES.items():
        spec = template(name)
        params = infer_shapes(spec).total_params
        shape = "x".join(map(str, spec.input_shape))
        print(f"{name.ljust(width)}  {shape:>9}  {params:>10,} params  {description}")
    print("\nUse one with: cnnexplorer summary --template NAME")
    return 0
