import pytest

from cnnexplorer.core.session import Session
from cnnexplorer.core.spec import template


def test_observers_hear_each_change_and_can_unsubscribe():
    session = Session()
    heard = []
    unsubscribe = session.subscribe(heard.append)
    session.design = template("mnist-cnn")
    session.set_model(object(), "digits", "trained")
    assert heard == ["design", "model"]
    assert session.model_name.name == "digits"
    unsubscribe()
    session.dataset_name = "mnist"
    assert heard == ["design", "model"]


def test_unknown_fields_are_refused():
    with pytest.raises(AttributeError):
        Session().modle = 1


def test_training_has_one_owner_and_only_the_owner_releases_it():
    session = Session()
    assert session.claim_training("pretrained")
    assert not session.claim_training("training")  # the other tab is told, nothing changes
    session.release_training("training")  # finishing elsewhere does not clear the running job
    assert session.training == "pretrained"
    session.release_training("pretrained")
    assert session.training is None
