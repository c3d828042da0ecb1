"""One component module per event family, all with the same shape (see common.FamilyComponent).

The families, their order and their merge and dating policies are registered in
extraction/families.py.
"""
