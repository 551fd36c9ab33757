// The adapters live here.
