"""Regenerates the ASE-written golden files of ExtendedXyzAseWrittenTest (run on purpose only).

Provenance: written by ASE 3.22.1 (Debian bookworm python3-ase, numpy 1.24.2) with
/usr/bin/python3 generate.py. Every written number is a multiple of 1/8 or 1/16, so ASE's
fixed-point formats (%16.8f) hold it exactly and the test can recompute it.
"""
import numpy as np
from ase import Atoms
from ase.calculators.singlepoint import SinglePointCalculator
from ase.io import write

# 3D: 8 atoms, Cu/Ni, periodic; calculator results, momenta, tags, magmoms, charges and custom arrays
n = 8
pos = np.array([[0.5 * i, 0.25 * (i % 3), 3.0 - 0.125 * i] for i in range(n)])
a = Atoms(symbols=['Cu' if i % 2 == 0 else 'Ni' for i in range(n)], positions=pos,
          cell=[6.0, 5.5, 7.25], pbc=True)
a.set_momenta([[0.0625 * i, -0.125, 0.25 * (i % 2)] for i in range(n)])
a.set_tags(list(range(10, 10 + n)))
a.set_initial_magnetic_moments([0.5 * (i % 3) for i in range(n)])
a.set_initial_charges([-0.25 * i for i in range(n)])
a.new_array('dpos_d_sigma_A', np.array([[0.125 * i, -0.0625 * i, 1.0] for i in range(n)]))
a.new_array('frozen', np.array([i % 3 == 0 for i in range(n)]))
a.info['config_type'] = 'ase written'
a.info['step'] = 7
forces = np.array([[1.0 - 0.25 * i, 0.5, -0.125 * i] for i in range(n)])
a.calc = SinglePointCalculator(a, energy=-12.375, forces=forces, stress=np.array([0.5, 0.25, 0.125, 0.0, 0.0, 0.0]))
b = a.copy()
b.positions[:, 0] += 0.0625
b.calc = SinglePointCalculator(b, energy=-13.5, forces=forces * 0.5)
write('ase_written_3d.extxyz', [a, b], format='extxyz')

# 2D: z = 0, pbc T T F, a zero third cell vector (how ASE users write planar periodic systems)
m = 6
flat = Atoms(symbols=['Ar', 'Kr'] * 3, positions=[[0.75 * i, 0.5 * (i % 2), 0.0] for i in range(m)],
             cell=[[5.0, 0.0, 0.0], [0.0, 4.5, 0.0], [0.0, 0.0, 0.0]], pbc=[True, True, False])
flat.calc = SinglePointCalculator(flat, energy=0.375, forces=np.array([[0.125 * i, -0.25, 0.0] for i in range(m)]))
write('ase_written_2d.extxyz', flat, format='extxyz')
