"""``conv-lab``, ``weights`` and ``receptive-field``: the Concepts tab's numbers in a terminal (no TensorFlow)."""
from __future__ import annotations

import argparse
import json

import numpy as np

from cnnexplorer.core.errors import UserError


def register(sub: argparse._SubParsersAction) -> None:
    conv = sub.add_parser("conv-lab",
                          help="slide a kernel (or a pooling window) over a small grid and print every number")
    source = conv.add_mutually_exclusive_group()
    source.add_argument("--digit", type=int, default=7, choices=range(10), metavar="0-9",
                        help="a bundled MNIST digit, shrunk to the grid size (default 7)")
    source.add_argument("--grid", metavar="FILE", help="a text file of numbers, one grid row per line")
    conv.add_argument("--size", type=int, default=10, help="grid size for --digit (1-12, default 10)")
    conv.add_argument("--op", choices=("conv", "max", "average"), default="conv",
                      help="convolution (default), max pooling or average pooling")
    conv.add_argument("--kernel", type=int, default=3, help="kernel / pool size (default 3; 2 is usual for pooling)")
    conv.add_argument("--stride", type=int, default=None, help="stride (default 1 for conv, the pool size for pooling)")
    conv.add_argument("--padding", choices=("valid", "same"), default="valid")
    conv.add_argument("--preset", default="edge", help="kernel values: " + ", ".join(_presets()))
    conv.add_argument("--step", type=int, metavar="N", help="also show window position N (1-based) in detail")
    conv.add_argument("--json", metavar="FILE.json", help="write input, kernel, output and padding as JSON")
    conv.set_defaults(func=_conv_lab)

    weights = sub.add_parser("weights", help="weights and multiply-adds of Dense vs Conv2D vs SeparableConv2D")
    weights.add_argument("--shape", type=int, nargs=3, default=(28, 28, 1), metavar=("H", "W", "C"))
    weights.add_argument("--filters", type=int, default=32)
    weights.add_argument("--kernel", type=int, default=3)
    weights.add_argument("--padding", choices=("valid", "same"), default="same")
    weights.set_defaults(func=_weights)

    field = sub.add_parser("receptive-field", help="per-layer stride, jump and receptive field of a design")
    group = field.add_mutually_exclusive_group()
    group.add_argument("--template", default=None, metavar="NAME", help="a template name (default mnist-cnn)")
    group.add_argument("--spec", metavar="FILE.json", help="a design saved by the Builder")
    field.add_argument("--cell", type=int, nargs="+", metavar="N",
                       help="LAYER ROW [COL]: which input pixels this cell of table row LAYER sees (0-based)")
    field.set_defaults(func=_receptive_field)


def _presets() -> tuple[str, ...]:
    from cnnexplorer.core.conv_lab import KERNEL_PRESETS

    return KERNEL_PRESETS


def grid_text(values: np.ndarray, pad: tuple[int, int, int, int] = (0, 0, 0, 0), pad_mark: str = "·") -> str:
    """A grid as aligned text; padding cells shown as ``pad_mark``."""
    from cnnexplorer.core.conv_lab import fmt

    top, bottom, left, right = pad
    rows, cols = values.shape
    cells = [[pad_mark] * (cols + left + right) for _ in range(rows + top + bottom)]
    for r in range(rows):
        for c in range(cols):
            cells[r + top][c + left] = fmt(values[r, c])
    width = max((len(c) for row in cells for c in row), default=1)
    return "\n".join("  " + " ".join(c.rjust(width) for c in row) for row in cells)


def _read_grid(path: str) -> np.ndarray:
    try:
        lines = [line.split() for line in open(path, encoding="utf-8").read().splitlines() if line.strip()]
        grid = np.array([[float(v) for v in line] for line in lines], dtype=np.float64)
    except FileNotFoundError:
        raise UserError(f"The grid file {path} does not exist.") from None
    except ValueError:
        raise UserError(f"The grid file {path} must hold rows of numbers of equal length, separated by "
                        "spaces.") from None
    if grid.ndim != 2:
        raise UserError(f"The grid file {path} must hold rows of numbers of equal length, separated by spaces.")
    return grid


def _conv_lab(args: argparse.Namespace) -> int:
    from cnnexplorer.core import conv_lab as lab

    if args.grid:
        grid = _read_grid(args.grid)
    else:
        if not 1 <= args.size <= lab.MAX_GRID:
            raise UserError(f"--size must be from 1 to {lab.MAX_GRID} (got {args.size}).")
        grid = lab.digit_grid(lab.sample_digit(args.digit), args.size)
    if args.kernel < 1 or (args.stride is not None and args.stride < 1):
        raise UserError("--kernel and --stride must be at least 1.")
    if args.op == "conv":
        if args.preset not in lab.KERNEL_PRESETS:
            raise UserError(f"There is no kernel preset {args.preset!r}. Presets: {', '.join(lab.KERNEL_PRESETS)}.")
        stride = args.stride or 1
        kernel = lab.kernel_preset(args.preset, args.kernel)
        problems = lab.check_conv(grid, kernel, stride, args.padding)
        result: lab.ConvResult | lab.PoolResult | None = lab.convolve(grid, kernel, stride, args.padding)
    else:
        stride = args.stride or args.kernel
        kernel = None
        problems = lab.check_pool(grid, args.kernel, stride, args.padding)
        result = lab.pool(grid, args.kernel, stride, args.padding, args.op)
    if result is None:  # no output exactly when a problem blocks: say the first
        raise UserError(next(p.text for p in problems if p.blocking))
    n = grid.shape[0]
    what = "kernel" if args.op == "conv" else f"{args.op} pooling window"
    print(f"Input {grid.shape[0]}×{grid.shape[1]}, {what} {args.kernel}×{args.kernel}, stride {stride}, "
          f"padding '{args.padding}'")
    pad = (result.rows.before, result.rows.after, result.cols.before, result.cols.after)
    print(grid_text(grid, pad, "0" if args.op == "conv" else "·"))
    if any(pad):
        print(f"  (padding: {pad[0]} top, {pad[1]} bottom, {pad[2]} left, {pad[3]} right)")
    if kernel is not None:
        print("Kernel:")
        print(grid_text(kernel))
    print(f"Output {result.output.shape[0]}×{result.output.shape[1]}:")
    print(grid_text(result.output))
    print("Output size (rows):")
    print("  " + lab.output_size_text(n, args.kernel, stride, args.padding).replace("\n", "\n  "))
    for p in problems:
        print(f"note: {p.text}")
    if args.step is not None:
        if not 1 <= args.step <= len(result.steps):
            raise UserError(f"--step must be from 1 to {len(result.steps)} (the number of window positions).")
        step = result.steps[args.step - 1]
        where = f"output row {step.out_row + 1}, column {step.out_col + 1}"
        if isinstance(step, lab.ConvStep) and kernel is not None:
            print(f"Position {args.step}: {step.sum_text(kernel, max_terms=49)} → {where}")
        elif isinstance(step, lab.PoolStep):
            values = ", ".join(lab.fmt(grid[r, c]) for r, c in step.cells)
            print(f"Position {args.step}: {'max' if args.op == 'max' else 'mean'}({values}) = "
                  f"{lab.fmt(step.value)} → {where}")
    if args.json:
        data = {"input": grid.tolist(), "kernel": None if kernel is None else kernel.tolist(),
                "op": args.op, "stride": stride, "padding": args.padding,
                "pad": {"top": pad[0], "bottom": pad[1], "left": pad[2], "right": pad[3]},
                "output": result.output.tolist(), "notes": [p.text for p in problems]}
        from cnnexplorer.core.files import write_text

        write_text(args.json, json.dumps(data, indent=1) + "\n")
        print(f"wrote {args.json}")
    return 0


def _weights(args: argparse.Namespace) -> int:
    from cnnexplorer.core.conv_lab import compare_weights

    h, w, c = args.shape
    if min(h, w, c, args.filters, args.kernel) < 1:
        raise UserError("--shape, --filters and --kernel must all be at least 1.")
    if args.padding == "valid" and (args.kernel > h or args.kernel > w):
        raise UserError(f"The {args.kernel}×{args.kernel} kernel is larger than the {h}×{w} input, so with padding "
                        "'valid' the convolution has no output: use --padding same or a smaller --kernel.")
    costs = compare_weights(h, w, c, args.filters, args.kernel, args.padding)
    header = ("layer", "output shape", "weights", "multiply-adds")
    rows = [(cost.keras, "×".join(map(str, cost.output_shape)), f"{cost.params:,}", f"{cost.mult_adds:,}")
            for cost in costs]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    print(f"Input {h}×{w}×{c}")
    for row in [header, *rows]:
        print("  ".join([row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]),
                         row[3].rjust(widths[3])]))
    return 0


def _receptive_field(args: argparse.Namespace) -> int:
    from cnnexplorer.core import receptive_field as rf
    from cnnexplorer.core.spec import load_spec, template

    spec = load_spec(args.spec) if args.spec else template(args.template or "mnist-cnn")
    table = rf.field_table(spec)
    x = "×".join
    header = ("#", "layer", "output", "stride", "jump", "sees")
    rows = [(str(i), row.name, x(map(str, row.out_size)) or "—", x(map(str, row.stride)) or "—",
             x(map(str, row.jump)) or "—", "all" if row.whole_input else x(map(str, row.field)))
            for i, row in enumerate(table.layers)]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(6)]
    print(f"Design: {spec.name}")
    for row in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    if table.problem:
        print(f"note: {table.problem}")
    if args.cell:
        index, *cell = args.cell
        if not 0 <= index < len(table.layers):
            raise UserError(f"The layer number must be from 0 to {len(table.layers) - 1} (the # column).")
        layer = table.layers[index]
        if layer.has_grid:
            if len(cell) != len(layer.out_size) or any(not 0 <= v < n for v, n in zip(cell, layer.out_size)):
                raise UserError(f"Give {len(layer.out_size)} cell index(es) within {x(map(str, layer.out_size))} "
                                f"for layer {index} ({layer.name}), counting from 0.")
        region = rf.input_region(table, index, tuple(cell))
        spans = ", ".join(f"{a}–{b}" for a, b in region)
        size = x(str(b - a + 1) for a, b in region)
        print(f"Cell {tuple(cell)} of {layer.name} sees input {spans} (0-based, inclusive): {size}")
    return 0
