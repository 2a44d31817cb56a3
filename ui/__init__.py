"""The Qt desktop application of Huitouke; depends on core, never the other way round."""
