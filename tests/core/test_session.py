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
