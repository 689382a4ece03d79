# Makes the NumPy-written fixtures of NpzTest (run once by hand with NumPy; output committed):
#   python3 make_fixtures.py
import numpy as np

w1 = np.array([[1, -2], [3, 4], [-128, 127]], dtype=np.int8)            # 3 x 2, C order
w2 = np.asfortranarray(np.array([[1.0, 2.0, 3.0], [-4.0, 5.0, 6.0]]))   # 2 x 3 float64, Fortran order
w2Tp = np.array([[300, -300, 7]], dtype='>i2')                          # 1 x 3, big-endian int16
w2Tm = np.array([[2**31 - 1], [-2**31]], dtype=np.int64)                # 2 x 1 int64
np.savez('numpy-savez.npz', w1=w1, w2=w2, w2Tp=w2Tp, w2Tm=w2Tm)
np.savez_compressed('numpy-savez-compressed.npz', w1=w1, w2=w2, w2Tp=w2Tp, w2Tm=w2Tm)
