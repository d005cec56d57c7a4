"""Look inside a model: activation grids, filter patterns and Grad-CAM (numpy in, numpy out, no Qt)."""
