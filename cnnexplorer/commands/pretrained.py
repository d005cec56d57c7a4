"""``pretrained``: reuse VGG16 and friends on an image folder, as in the tutorial's section 4.

Prints one line per epoch and ends with one JSON line (like ``train``)::

    cnnexplorer pretrained --arch vgg16 --weights imagenet --input-size 150 \\
        --dataset cats_and_dogs_small --method features --epochs 30 --out cats.keras
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from cnnexplorer.commands.training import json_safe, print_epoch

METHODS = ("features", "end-to-end")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "pretrained",
        help="train a classifier on a pretrained base (feature extraction or end to end, optional fine-tuning)",
        description="Put a small classifier on a pretrained convolutional base (VGG16, VGG19, ResNet50, "
        "InceptionV3, Xception, MobileNet, MobileNetV2) and train it on an image folder with one sub-folder per class "
        "(or train/ and validation/ folders of those). MobileNetV2's ImageNet weights come with the app: "
        "--arch MobileNetV2 --weights imagenet needs no network.",
    )
    p.add_argument("--arch", default="vgg16",
                   help="vgg16, vgg19, resnet50, inception_v3, xception, mobilenet or mobilenet_v2")
    p.add_argument("--weights", default="imagenet", metavar="imagenet|random|FILE",
                   help="ImageNet weights (downloaded once and checked, then cached; bundled for MobileNetV2), "
                   "random weights, or a local weights file")
    p.add_argument("--input-size", "--image-size", dest="input_size", type=int, default=150,
                   help="images are read at SIZE×SIZE, colour (default 150)")
    p.add_argument("--freeze-until", default="all", metavar="LAYER",
                   help="train LAYER and the layers above it; 'all' (default) freezes the whole base")
    p.add_argument("--dataset", required=True, metavar="DIR", help="image folder")
    p.add_argument("--validation-split", type=float, default=0.2,
                   help="fraction kept aside when the folder has no validation/ sub-folder (default 0.2)")
    p.add_argument("--method", choices=METHODS, default="features",
                   help="features: run the base once and train the head on its output (fast, no augmentation); "
                   "end-to-end: base + head trained together with the base frozen as asked")
    p.add_argument("--head", choices=("flatten-dense", "gap"), default="flatten-dense",
                   help="flatten-dense: Flatten, Dense 256, Dropout 0.5 (the tutorial's); gap: GlobalAveragePooling")
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=20)
    p.add_argument("--learning-rate", type=float, default=2e-5, help="RMSprop learning rate (default 2e-5)")
    p.add_argument("--fine-tune-from", metavar="LAYER",
                   help="afterwards, unfreeze LAYER and everything above it and train again (e.g. block5_conv1)")
    p.add_argument("--fine-tune-epochs", type=int, default=0)
    p.add_argument("--fine-tune-learning-rate", type=float, default=1e-5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--save-base-weights", metavar="FILE.weights.h5",
                   help="also save the base's weights, e.g. to copy ImageNet weights to a computer without network")
    p.add_argument("--out", required=True, metavar="MODEL.keras", help="where to save the trained model")
    p.set_defaults(func=_pretrained)


def _printer(event) -> None:
    if event.kind == "epoch":
        print_epoch(event)
    elif (event.kind == "extract" and event.total and event.step == event.total) or (
            event.kind in ("download", "build") and event.step == 0):
        print(event.message, flush=True)


def _pretrained(args: argparse.Namespace) -> int:
    from cnnexplorer.core.errors import UserError
    from cnnexplorer.core.i18n import translate
    from cnnexplorer.ml import transfer as T

    arch = T.get_architecture(args.arch)
    arch.check_input_size(args.input_size)
    out = Path(args.out)
    if out.suffix != ".keras":
        raise UserError(translate("pretrained_cli", "The output file must end in .keras (got {name}); e.g. --out "
                                                    "model.keras.").format(name=out.name))
    from cnnexplorer.core.files import check_writable

    check_writable(out)  # before the base is downloaded and trained, not after
    if args.save_base_weights:
        check_writable(args.save_base_weights)
    if args.epochs < 1 or args.fine_tune_epochs < 0:
        raise UserError(translate("pretrained_cli", "--epochs must be 1 or more and --fine-tune-epochs 0 or more."))
    if args.fine_tune_epochs and not args.fine_tune_from:
        raise UserError(translate("pretrained_cli", "--fine-tune-epochs needs --fine-tune-from LAYER (e.g. "
                                                    "block5_conv1 for VGG16)."))
    if not Path(args.dataset).is_dir():
        raise UserError(translate("pretrained_cli", "The image folder {folder} does not exist: give a folder with "
                                                    "one sub-folder per class.").format(folder=args.dataset))

    dataset = T.load_folder(args.dataset, args.input_size, args.validation_split)
    if getattr(dataset, "note", ""):
        print(f"dataset: {dataset.note}", flush=True)
    elif dataset.skipped:
        print(f"skipped {len(dataset.skipped)} unreadable files", flush=True)
    T.check_dataset(dataset, args.batch_size)
    source = T.resolve_source(arch, T.WeightsSource.parse(args.weights), args.input_size)
    base = T.build_base(arch, args.input_size, source, progress=_printer)
    from cnnexplorer.ml.runtime import keras

    keras().utils.set_random_seed(args.seed)
    state = T.freeze_until(base, args.freeze_until)  # checks the layer name before any training
    if args.fine_tune_from:
        state.index_of(args.fine_tune_from)
    if args.save_base_weights:
        saved = T.save_base_weights(base, args.save_base_weights)
        print(f"saved the base's weights to {saved}", flush=True)
    print(f"{arch.title} ({source.label()}), {args.input_size}×{args.input_size}, on {Path(args.dataset).name}: "
          f"{len(dataset.x_train)} training / {len(dataset.x_test)} test images, {dataset.info.num_classes} classes; "
          f"method {args.method}; base trainable parameters {state.trainable_params:,}", flush=True)
    if args.method == "features":
        if state.trainable_params:
            print("note: feature extraction never trains the base; --freeze-until only matters for "
                  "end-to-end and fine-tuning", flush=True)
        T.apply_freeze(base, [False] * len(state.rows))
        result = T.run_feature_extraction(arch, base, dataset, args.head, args.epochs, args.batch_size,
                                          args.learning_rate, progress=_printer)
    else:
        model = T.compose(arch, base, args.head, dataset.info.num_classes)
        result = T.run_end_to_end(model, dataset, args.epochs, args.batch_size, args.learning_rate,
                                  progress=_printer)
    summary = result.summary()
    if args.fine_tune_from and args.fine_tune_epochs and not result.cancelled:
        tuned = T.freeze_until(base, args.fine_tune_from)
        print(f"fine-tuning from {args.fine_tune_from}: {tuned.trainable_params:,} trainable parameters, "
              f"learning rate {args.fine_tune_learning_rate:g}", flush=True)
        fine = T.run_end_to_end(result.model, dataset, args.fine_tune_epochs, args.batch_size,
                                args.fine_tune_learning_rate, method="fine-tune", initial_epoch=result.epochs_run,
                                progress=_printer)
        summary["fine_tune"] = fine.summary()
        summary["test_loss"], summary["test_accuracy"] = fine.test_loss, fine.test_accuracy
    from cnnexplorer.ml.model_files import save_model_file

    save_model_file(result.model, str(out))  # a failed write is a FileWriteError: one sentence, old file kept
    summary.update({"arch": arch.key, "weights": source.kind, "input_size": args.input_size,
                    "classes": list(dataset.class_names), "model_file": str(out)})
    print(json.dumps({k: json_safe(v) for k, v in summary.items()}), flush=True)
    return 0
