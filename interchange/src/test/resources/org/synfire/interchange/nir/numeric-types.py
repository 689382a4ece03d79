# Makes numeric-types.nir beside this file (h5py and numpy): one Threshold node per HDF5 numeric type, each
# holding the smallest, a middle and the largest value of its type, and an Input whose shape is uint8.
# NirFileNumericTypesTest reads it. Run: python3 numeric-types.py
import h5py
import numpy as np

values = {
    'int8': [-128, 5, 127], 'int16': [-32768, 5, 32767], 'int32': [-2147483648, 5, 2147483647],
    'int64': [-9223372036854775808, 5, 9223372036854775807],
    'uint8': [0, 200, 255], 'uint16': [0, 40000, 65535], 'uint32': [0, 4000000000, 4294967295],
    'uint64': [0, 9223372036854775808, 18446744073709551615],
    'float16': [-65504, 0.5, 65504], 'float32': [-3.5, 0.25, 1e6], 'float64': [-1e300, 0.1, 1e300],
}
with h5py.File('numeric-types.nir', 'w') as f:
    f['version'] = '0.5.0'
    graph = f.create_group('node')
    graph['type'] = 'NIRGraph'
    nodes = graph.create_group('nodes')
    node = nodes.create_group('input')
    node['type'] = 'Input'
    node['shape'] = np.array([3], np.uint8)
    for name, v in values.items():
        node = nodes.create_group(name)
        node['type'] = 'Threshold'
        node['threshold'] = np.array(v, dtype=name)
    graph.create_dataset('edges', data=np.array([('input', 'int16')], dtype=object), dtype=h5py.string_dtype())
