"""sync layer of Desa Peduli."""
