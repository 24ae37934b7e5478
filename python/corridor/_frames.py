"""Columns from the native module as pandas DataFrames.

pandas is imported on first use, so ``import corridor`` works where pandas is missing; only the tables need
it (Debian: python3-pandas).
"""


def frame(table):
    """A DataFrame from the native module's {"columns": [...], "data": {...}}, columns in that order."""
    import pandas

    columns = table["columns"]
    return pandas.DataFrame({name: table["data"][name] for name in columns}, columns=columns)
