"""``augment``: write a grid of an image and its augmented variants (the Augmentation tab, headless)."""
from __future__ import annotations

import argparse
import math


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "augment", help="preview data augmentation: an image and N random variants as one PNG grid",
        description="Apply random augmentation (rotation, shifts, shear, zoom, flips, fill mode, brightness, "
        "contrast, saturation) to one image and save the original plus N variants as a PNG grid. The JSON config "
        "uses the tutorial's ImageDataGenerator argument names (rotation_range, width_shift_range, "
        "height_shift_range, shear_range, zoom_range, horizontal_flip, vertical_flip, fill_mode, cval); "
        "missing keys mean off.")
    p.add_argument("--image", required=True, metavar="FILE", help="image to augment (JPEG, PNG, ...)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--config", metavar="AUG.json", help="augmentation settings as JSON")
    source.add_argument("--preset", help="a named preset instead of --config: "
                        "'none', 'tutorial (cats vs dogs)' (default), 'digits (no flips)'")
    p.add_argument("--count", type=int, default=8, help="number of variants (default 8)")
    p.add_argument("--seed", type=int, default=None, help="random seed: the same seed gives the same grid")
    p.add_argument("--size", type=int, default=150,
                   help="centre-crop and resize the image to SIZE x SIZE first, like the tutorial's target_size "
                   "(default 150; 0 keeps the image as it is)")
    p.add_argument("--out", required=True, metavar="GRID.png", help="where to write the grid")
    p.add_argument("--print-code", action="store_true", help="also print the equivalent Keras 3 code")
    p.set_defaults(func=_augment)


def _augment(args: argparse.Namespace) -> int:
    from cnnexplorer.core import images as imaging
    from cnnexplorer.core.augment_config import load_augment_config, preset
    from cnnexplorer.core.errors import UserError

    if args.config:
        config = load_augment_config(args.config)
    else:
        config = preset(args.preset or "tutorial (cats vs dogs)")
    if not 1 <= args.count <= 64:
        raise UserError(f"--count must be from 1 to 64; got {args.count}.")
    if args.seed is not None and not 0 <= args.seed < 2**31 - 100:
        raise UserError(f"--seed must be a whole number from 0 to {2**31 - 101}; got {args.seed}.")
    if args.size and not 8 <= args.size <= 2048:
        raise UserError(f"--size must be 0 (keep) or from 8 to 2048 pixels; got {args.size}.")
    from cnnexplorer.core.files import check_writable

    check_writable(args.out)  # before Keras is imported and the variants are made
    image = imaging.load_image(args.image)
    problems = config.fit_problems(image.shape)
    if problems:
        raise UserError(problems[0])
    print(f"augmentation: {config.describe()}")

    from cnnexplorer.ml.augment import preview, square_crop  # imports Keras when it runs

    if args.size:
        image = square_crop(image, args.size)
    variants = preview(image, config, args.count, args.seed)
    cols = max(1, math.ceil(math.sqrt(args.count + 1)))
    imaging.save_png(args.out, imaging.image_grid([image] + variants, cols, pad=4))
    print(f"wrote {args.out}: the original (top left) and {args.count} variants"
          + (f", seed {args.seed}" if args.seed is not None else ""))
    if args.print_code:
        print()
        print(config.to_keras_code(), end="")
    return 0
