"""adapt: prose fiction → screenplay (Fountain, PDF, Final Draft FDX)."""
__version__ = "0.1.0"
