"""TrainingConfig: defaults, JSON round-trip, and the messages a user sees for bad settings."""
import json

import pytest

from cnnexplorer.core.augment_config import AugmentConfig
from cnnexplorer.core.configs import TrainingConfig, describe_augment
from cnnexplorer.core.errors import UserError


def test_defaults_are_valid_and_round_trip():
    config = TrainingConfig()
    config.validate()
    again = TrainingConfig.from_json(config.to_json())
    assert again == config


def test_round_trip_keeps_every_field():
    config = TrainingConfig(epochs=12, batch_size=32, validation_split=0.2, seed=7, shuffle=False,
                            early_stopping_patience=3)
    data = json.loads(config.to_json())
    assert data["format"] == "cnnexplorer-training"
    assert TrainingConfig.from_dict(data) == config


def test_augment_settings_round_trip():
    from cnnexplorer.core.augment_config import AugmentConfig

    config = TrainingConfig(augment=AugmentConfig(rotation_range=10.0, zoom_range=0.1))
    data = json.loads(config.to_json())
    assert data["augment"]["rotation_range"] == 10.0
    again = TrainingConfig.from_dict(data)
    assert isinstance(again.augment, AugmentConfig) and again.augment == config.augment
    assert "rotation" in describe_augment(again.augment)


@pytest.mark.parametrize("field,value,words", [
    ("epochs", 0, "Epochs"),
    ("epochs", 2.5, "Epochs"),
    ("batch_size", 0, "Batch size"),
    ("validation_split", 0.95, "validation split"),
    ("validation_split", -0.1, "validation split"),
    ("seed", -1, "seed"),
    ("early_stopping_patience", -2, "patience"),
])
def test_bad_values_name_the_setting(field, value, words):
    config = TrainingConfig(**{field: value})
    with pytest.raises(UserError, match=words):
        config.validate()


def test_unknown_keys_and_bad_json_are_user_errors():
    with pytest.raises(UserError, match="Unknown training setting"):
        TrainingConfig.from_dict({"epochs": 3, "lerning_rate": 0.1})
    with pytest.raises(UserError, match="not valid JSON"):
        TrainingConfig.from_json("{epochs: 3")
    with pytest.raises(UserError, match="newer"):
        TrainingConfig.from_dict({"format": "cnnexplorer-training", "version": 99})


def test_describe_augment_lists_what_is_on():
    assert describe_augment(None) == "off"
    text = describe_augment(AugmentConfig(rotation_range=10, zoom_range=0.0, horizontal_flip=True))
    assert "rotation" in text and "10" in text and "flip" in text and "zoom" not in text
