"""domain layer of Desa Peduli."""
