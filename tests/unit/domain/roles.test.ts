/** The permission table, cell by cell, written out by hand (role × permission). */
import { describe, expect, it } from 'vitest';
import { can, holdersOf, PERMISSIONS, type Permission } from '../../../shared/domain/roles';
import { STAFF_ROLES, type StaffRole } from '../../../shared/domain/records';

const TABLE: Record<StaffRole, Record<Permission, boolean>> = {
  值班员: {
    'desk.work': true,
    'audit.read': false,
    'resident.reveal': true,
    'community.edit': false,
    'catalog.edit': false,
    'calendar.edit': false,
    'staff.manage': false,
    'case.supervise': false,
    'data.restore': false,
    'data.backup': false,
    'report.exportNamed': false,
    'resident.import': false,
    'resident.markInactive': true,
    'resident.reactivate': false,
    'resident.delete': false,
    'resident.merge': false,
    'resident.tagsInLists': false,
    'sync.manage': false,
    'rota.edit': false,
    'street.work': false,
    'street.manage': false,
  },
  '站长/管理员': {
    'desk.work': true,
    'audit.read': true,
    'resident.reveal': true,
    'community.edit': true,
    'catalog.edit': true,
    'calendar.edit': true,
    'staff.manage': true,
    'case.supervise': true,
    'data.restore': true,
    'data.backup': true,
    'report.exportNamed': true,
    'resident.import': true,
    'resident.markInactive': true,
    'resident.reactivate': true,
    'resident.delete': true,
    'resident.merge': true,
    'resident.tagsInLists': true,
    'sync.manage': true,
    'rota.edit': true,
    'street.work': false,
    'street.manage': false,
  },
  审计员: {
    'desk.work': false,
    'audit.read': true,
    'resident.reveal': false,
    'community.edit': false,
    'catalog.edit': false,
    'calendar.edit': false,
    'staff.manage': false,
    'case.supervise': false,
    'data.restore': false,
    'data.backup': false,
    'report.exportNamed': false,
    'resident.import': false,
    'resident.markInactive': false,
    'resident.reactivate': false,
    'resident.delete': false,
    'resident.merge': false,
    'resident.tagsInLists': false,
    'sync.manage': false,
    'rota.edit': false,
    'street.work': false,
    'street.manage': false,
  },
  街道管理员: {
    'desk.work': false,
    'audit.read': true,
    'resident.reveal': false,
    'community.edit': false,
    'catalog.edit': false,
    'calendar.edit': false,
    'staff.manage': true,
    'case.supervise': false,
    'data.restore': true,
    'data.backup': true,
    'report.exportNamed': false,
    'resident.import': false,
    'resident.markInactive': false,
    'resident.reactivate': false,
    'resident.delete': false,
    'resident.merge': false,
    'resident.tagsInLists': false,
    'sync.manage': false,
    'rota.edit': false,
    'street.work': true,
    'street.manage': true,
  },
  街道工作人员: {
    'desk.work': false,
    'audit.read': false,
    'resident.reveal': false,
    'community.edit': false,
    'catalog.edit': false,
    'calendar.edit': false,
    'staff.manage': false,
    'case.supervise': false,
    'data.restore': false,
    'data.backup': false,
    'report.exportNamed': false,
    'resident.import': false,
    'resident.markInactive': false,
    'resident.reactivate': false,
    'resident.delete': false,
    'resident.merge': false,
    'resident.tagsInLists': false,
    'sync.manage': false,
    'rota.edit': false,
    'street.work': true,
    'street.manage': false,
  },
};

describe('can(staff, permission)', () => {
  it('the table covers every role and every permission', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...STAFF_ROLES].sort());
    for (const role of STAFF_ROLES) expect(Object.keys(TABLE[role]).sort()).toEqual([...PERMISSIONS].sort());
  });
  for (const role of STAFF_ROLES) {
    for (const permission of PERMISSIONS) {
      it(`${role} × ${permission} → ${TABLE[role][permission] ? 'allowed' : 'refused'}`, () => {
        expect(can({ role }, permission)).toBe(TABLE[role][permission]);
        expect(can({ role, active: true }, permission)).toBe(TABLE[role][permission]);
      });
    }
  }
  it('a deactivated account may do nothing', () => {
    for (const role of STAFF_ROLES) for (const p of PERMISSIONS) expect(can({ role, active: false }, p)).toBe(false);
  });
  it('names who holds a permission, for refusal messages', () => {
    expect(holdersOf('catalog.edit')).toBe('站长/管理员');
    // Each kind of installation names its own holders (a street account is told the street's).
    expect(holdersOf('staff.manage')).toBe('站长/管理员');
    expect(holdersOf('staff.manage', '街道工作人员')).toBe('街道管理员');
    expect(holdersOf('street.manage', '街道工作人员')).toBe('街道管理员');
  });
  it('community roles hold no street permission; street roles none of the community desk’s work', () => {
    const communityOnly: Permission[] = PERMISSIONS.filter(
      (p) => !['street.work', 'street.manage', 'staff.manage', 'data.backup', 'data.restore', 'audit.read'].includes(p),
    );
    for (const role of ['值班员', '站长/管理员', '审计员'] as const) {
      expect(can({ role }, 'street.work')).toBe(false);
      expect(can({ role }, 'street.manage')).toBe(false);
    }
    for (const role of ['街道管理员', '街道工作人员'] as const)
      for (const p of communityOnly) expect(can({ role }, p), `${role} ${p}`).toBe(false);
  });
});
