"""Plain Python + numpy: no Qt, no TensorFlow. Everything here starts in milliseconds."""
