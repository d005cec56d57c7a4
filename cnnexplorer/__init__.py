"""CNN Explorer: learn and teach convolutional neural networks by pointing and clicking."""

__version__ = "0.1.0"
APP_NAME = "CNN Explorer"
ORG_NAME = "CNN Explorer"
