"""The coach line says the one thing a teacher would point at in a history."""
import math

from cnnexplorer.core.coach import coach, history_csv, smooth


def test_nothing_yet():
    assert coach({}).level == "info"
    assert "Start" in coach({}).text


def test_nan_loss_suggests_lower_learning_rate():
    advice = coach({"loss": [0.5, math.nan]}, learning_rate=0.1)
    assert advice.level == "problem"
    assert "NaN" in advice.text and "learning rate" in advice.text and "0.1" in advice.text


def test_nan_in_a_batch_is_caught_before_the_epoch_ends():
    advice = coach({}, batch_losses=[2.3, 2.1, float("inf")])
    assert advice.level == "problem" and "batch 3" in advice.text


def test_diverging_loss():
    advice = coach({"loss": [1.0, 0.8, 1.5, 3.0, 9.0]})
    assert advice.level == "problem"
    assert "diverging" in advice.text and "learning rate" in advice.text


def test_overfitting_suggests_augmentation_or_dropout():
    history = {"loss": [1.0, 0.6, 0.4, 0.3, 0.2, 0.1], "val_loss": [1.0, 0.7, 0.6, 0.65, 0.7, 0.8],
               "accuracy": [0.6, 0.8, 0.9, 0.93, 0.96, 0.99], "val_accuracy": [0.6, 0.75, 0.8, 0.8, 0.79, 0.78]}
    advice = coach(history)
    assert advice.level == "warning"
    assert "overfitting" in advice.text and "augmentation" in advice.text and "Dropout" in advice.text
    assert "epoch 3" in advice.text


def test_healthy_run_is_summarised():
    history = {"loss": [1.0, 0.5], "val_loss": [0.8, 0.4], "accuracy": [0.7, 0.9], "val_accuracy": [0.75, 0.91]}
    advice = coach(history)
    assert advice.level == "good" and "91.0%" in advice.text


def test_stuck_at_chance():
    advice = coach({"loss": [2.3, 2.3, 2.3], "accuracy": [0.1, 0.1, 0.11]}, num_classes=10)
    assert advice.level == "warning" and "chance" in advice.text


def test_smooth_follows_the_trend_and_starts_at_first_value():
    values = [1.0] * 5 + [0.0] * 50
    out = smooth(values, 0.8)
    assert out[0] == 1.0 and abs(out[4] - 1.0) < 1e-9
    assert out[-1] < 0.01
    assert math.isnan(smooth([1.0, math.nan, 1.0])[1])


def test_history_csv():
    text = history_csv({"loss": [1.0, 0.5], "accuracy": [0.5, 0.75]})
    lines = text.strip().splitlines()
    assert lines[0] == "epoch,loss,accuracy"
    assert lines[2] == "2,0.5,0.75"
