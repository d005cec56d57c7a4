"""Which layers of a pretrained base train: the table's rows and the freeze state, as plain data.

No Keras and no Qt, so the layer table can recount parameters on every click
(even ResNet50's 175 layers) without touching a model; ``ml/transfer/base.py``
describes a Keras base as :class:`LayerRow` s and copies the flags onto it
(``layer_rows``, ``apply_freeze``).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate


@dataclass(frozen=True)
class LayerRow:
    """One layer of a base, as the layer table shows it (plain data, no Keras)."""

    index: int  # position among the rows (input layer left out)
    name: str
    type: str
    output_shape: str
    params: int
    trainable_params: int  # parameters that train when this layer is trainable
    fixed_params: int  # parameters that never train (BatchNormalization's moving statistics)
    group: str  # "block1" ... for the table's grouping
    always_frozen: bool = False  # BatchNormalization: kept in inference mode (see apply_freeze)


GROUP_PATTERNS = {
    "vgg16": r"^(block\d+)_",
    "vgg19": r"^(block\d+)_",
    "xception": r"^(block\d+)_",
    "resnet50": r"^(conv\d_block\d+|conv1)_",
    "mobilenet": r"^conv_(?:dw|pw)_(\d+)",
    "mobilenet_v2": r"^(block_\d+|expanded_conv)_",
}


def group_names(arch_key: str, names: Sequence[str]) -> list[str]:
    """The block each layer belongs to; unnamed helper layers join the block before them."""
    groups: list[str] = []
    if arch_key == "inception_v3":
        # Inception's layers are numbered, not named by module: a module ends at its "mixedN" concat.
        pending: list[int] = []
        current = "stem"
        for i, name in enumerate(names):
            pending.append(i)
            if re.fullmatch(r"mixed\d+", name):
                groups.extend([name] * len(pending))
                pending, current = [], name
        groups.extend(["top" if current != "stem" else "stem"] * len(pending))
        return groups
    pattern = GROUP_PATTERNS.get(arch_key)
    current = "stem"
    for name in names:
        m = re.match(pattern, name) if pattern else None
        if m:
            current = m.group(1)
            if arch_key == "mobilenet":
                current = f"block{current}"
            elif current == "expanded_conv":  # MobileNetV2's first inverted-residual block has no number
                current = "block_0"
        elif arch_key == "mobilenet" and name.startswith("conv1"):
            current = "stem"
        elif arch_key == "mobilenet_v2" and (name.startswith("Conv_1") or name == "out_relu"):
            current = "top"
        groups.append(current)
    return groups


class FreezeState:
    """Which layers of a base are trainable, with parameter counts kept up to date.

    Counts are running totals over precomputed per-layer sizes, so a toggle
    costs O(1) and moving the boundary O(layers) — microseconds even for
    ResNet50's 175 layers. Nothing here touches Keras; :func:`apply_freeze`
    copies the flags onto the model when training starts.
    """

    def __init__(self, rows: Sequence[LayerRow], trainable: Sequence[bool] | None = None) -> None:
        self.rows = list(rows)
        # BatchNormalization never trains here (inference mode), so its gamma/beta count as fixed.
        self._sizes = [0 if r.always_frozen else r.trainable_params for r in self.rows]
        self._fixed = sum(r.fixed_params + (r.trainable_params if r.always_frozen else 0) for r in self.rows)
        self._locked = [r.always_frozen for r in self.rows]
        self._all = sum(self._sizes)
        self.flags = [False] * len(self.rows)
        self._trainable = 0
        if trainable is not None:
            for i, flag in enumerate(trainable):
                self.set(i, flag)

    def set(self, index: int, trainable: bool) -> None:
        trainable = bool(trainable) and not self._locked[index]
        if self.flags[index] != trainable:
            self.flags[index] = trainable
            self._trainable += self._sizes[index] if trainable else -self._sizes[index]

    def freeze_all(self) -> None:
        self.flags = [False] * len(self.rows)
        self._trainable = 0

    def unfreeze_all(self) -> None:
        self.flags = [not locked for locked in self._locked]
        self._trainable = self._all

    def set_boundary(self, index: int) -> None:
        """Fine-tune from layer ``index``: it and every layer above it train, the rest are frozen."""
        index = max(0, min(int(index), len(self.rows)))
        self.flags = [i >= index and not self._locked[i] for i in range(len(self.rows))]
        self._trainable = sum(self._sizes[index:])

    def boundary(self) -> int:
        """Index of the first trainable layer when the flags form "frozen below, trainable above";
        ``len(rows)`` when all are frozen; -1 when the pattern is mixed."""
        first = next((i for i, f in enumerate(self.flags) if f), len(self.flags))
        return first if all(f or locked for f, locked in zip(self.flags[first:], self._locked[first:])) else -1

    def index_of(self, name: str) -> int:
        for row in self.rows:
            if row.name == name:
                return row.index
        raise UserError(translate("transfer", "The base has no layer called {name}: choose one of its layers, "
                                              "e.g. {names}.")
                        .format(name=repr(name), names=", ".join(r.name for r in self.rows[-4:])))

    @property
    def trainable_params(self) -> int:
        return self._trainable

    @property
    def non_trainable_params(self) -> int:
        return self._all - self._trainable + self._fixed

    @property
    def trainable_layers(self) -> int:
        return sum(1 for f, s in zip(self.flags, self._sizes) if f and s)
