import { App, Select, Table, Typography } from 'antd'
import type { ProvinceRegion } from '../../../shared/app'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { combinedLoad, useQuery } from '../api/useQuery'

/** Each province's default 大区, so region analysis works at either level. */
export function ProvinceRegionPanel(): React.JSX.Element {
  const provinces = useQuery('regions.list', {})
  const regions = useQuery('dictionary.list', { category: 'region' })
  const { message } = App.useApp()
  const options = (regions.data ?? []).map((r) => ({
    value: r.id,
    label: r.enabled ? r.label : `${r.label}（已停用）`,
  }))

  const change = async (provinceCode: string, regionId: number | null): Promise<void> => {
    try {
      await call('regions.set', { provinceCode, regionId })
      message.success('已保存')
    } catch (error) {
      message.error(errorMessage(error))
    }
    await Promise.all([provinces.reload(), regions.reload()])
  }

  return (
    <>
      <Typography.Paragraph type="secondary">
        省份按国家行政区划代码（GB/T 2260）列出。客户选了省份，就归入这里对应的大区。
      </Typography.Paragraph>
      <Loaded query={combinedLoad(provinces, regions)}>
        <Table<ProvinceRegion>
          rowKey="provinceCode"
          size="small"
          bordered
          loading={provinces.loading}
          dataSource={provinces.data}
          pagination={false}
          style={{ maxWidth: 560 }}
          columns={[
            { title: '代码', dataIndex: 'provinceCode', width: 100 },
            { title: '省份', dataIndex: 'provinceName' },
            {
              title: '大区',
              dataIndex: 'regionId',
              width: 200,
              render: (regionId: number | null, row) => (
                <Select
                  size="small"
                  style={{ width: 170 }}
                  allowClear
                  placeholder="未划分"
                  aria-label={`${row.provinceName} 大区`}
                  value={regionId ?? undefined}
                  options={options}
                  onChange={(value?: number) => void change(row.provinceCode, value ?? null)}
                />
              ),
            },
          ]}
        />
      </Loaded>
    </>
  )
}
