"""Copy the sample photos and the ImageNet class names into ``resources/``.

Photos come from scikit-image's bundled data folder (``skimage/data/`` inside
the scikit-image wheel; every file used here is CC0 or public domain, see
``resources/samples/SOURCES.md``). They are re-encoded as JPEG (quality 92) so
the installer stays small; sizes are kept.

ImageNet class names come from the timm wheel (``timm/data/_info/``, Apache-2.0
package; the names are WordNet lemmas, WordNet licence). They are written in
the format of Keras' ``imagenet_class_index.json`` ({"0": ["n01440764",
"tench"], ...}) so the app can show class names when Keras cannot download its
own copy.

Usage: python resources/tools/make_samples.py SKIMAGE_DATA_DIR TIMM_INFO_DIR
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import cv2

PHOTOS = {  # scikit-image file -> our name
    "chelsea.png": "cat.jpg",
    "coffee.png": "coffee.jpg",
    "astronaut.png": "astronaut.jpg",
    "rocket.jpg": "rocket.jpg",
    "camera.png": "camera.jpg",
}

HERE = Path(__file__).resolve().parents[1]


def copy_photos(skimage_data: Path) -> None:
    out = HERE / "samples"
    for src, dst in PHOTOS.items():
        image = cv2.imread(str(skimage_data / src), cv2.IMREAD_UNCHANGED)
        if image is None:
            raise SystemExit(f"cannot read {skimage_data / src}")
        cv2.imwrite(str(out / dst), image, [cv2.IMWRITE_JPEG_QUALITY, 92])
        print(f"{src} -> samples/{dst} {image.shape}")


def write_imagenet_index(timm_info: Path) -> None:
    synsets = (timm_info / "imagenet_synsets.txt").read_text().split()
    lemmas = {}
    for line in (timm_info / "imagenet_synset_to_lemma.txt").read_text().splitlines():
        wnid, _, names = line.partition("\t")
        lemmas[wnid] = names
    index = {}
    for i, wnid in enumerate(synsets):
        first = lemmas[wnid].split(",")[0].strip().replace(" ", "_")
        index[str(i)] = [wnid, first]
    assert len(index) == 1000
    path = HERE / "data" / "imagenet_class_index.json"
    path.write_text(json.dumps(index, separators=(",", ":")))
    print(f"wrote {path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    copy_photos(Path(sys.argv[1]))
    write_imagenet_index(Path(sys.argv[2]))
