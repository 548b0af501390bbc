/** The vocabulary of the demo data: names, trades, places and phrases as a Chinese office would see them. */

export const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  '欧阳',
  '上官',
  '司马',
]

export const maleGiven = [...'伟强磊军勇杰涛明超斌鹏辉华飞刚平建国志文海波宇浩俊峰林东晨亮成龙博凯鑫阳毅健永春德忠']
export const femaleGiven = [...'娜静丽敏燕艳芳婷玲霞丹萍红琳雪慧颖倩欣佳月梅莉晶蕾瑶璐悦琴洁雯薇岚怡涵萱秀英兰']

/** The two characters of a 字号 are drawn from these. */
export const tradeFirst = [
  ...'恒华鑫永宏金瑞德新博汇天启中正凯盛远诚泰嘉万东明佳兴润聚卓创海锦腾同众安信长富广蓝绿旭银星鼎通百云科融立美易和志隆昌顺祥',
]
export const tradeSecond = [...'达丰源辉光宇航晟骏翔通盛泰信诚成发利隆昌旺邦力创业联合顺益祥瑞源荣昇远弘']

/** 所属行业 label → words of a company name in it, its main business, and an English word for its domain. */
export const industryWords: Record<string, { names: string[]; business: string[]; domain: string }> = {
  教育: {
    names: ['教育科技有限公司', '文化传播有限公司', '职业培训学校'],
    business: ['职业技能培训', '中小学课外辅导', '教育信息化服务'],
    domain: 'edu',
  },
  医疗卫生: {
    names: ['医疗器械有限公司', '医药有限公司', '生物科技有限公司'],
    business: ['医疗器械销售', '药品批发', '体外诊断试剂研发'],
    domain: 'med',
  },
  化工: {
    names: ['化工有限公司', '新材料科技有限公司', '精细化工有限公司'],
    business: ['涂料及助剂生产', '工业清洗剂', '塑料改性材料'],
    domain: 'chem',
  },
  制造业: {
    names: ['机械制造有限公司', '电子科技有限公司', '五金制品有限公司', '精密机械有限公司', '塑胶制品有限公司'],
    business: ['数控机床零部件加工', '电子元器件生产', '五金配件制造', '注塑模具'],
    domain: 'mfg',
  },
  建筑工程: {
    names: ['建筑工程有限公司', '建设集团有限公司', '装饰工程有限公司', '建材有限公司'],
    business: ['房屋建筑施工', '室内外装饰装修', '建材批发'],
    domain: 'build',
  },
  批发零售: {
    names: ['贸易有限公司', '商贸有限公司', '百货有限公司', '供应链管理有限公司'],
    business: ['日用百货批发', '办公用品零售', '食品饮料分销'],
    domain: 'trade',
  },
  信息技术: {
    names: ['信息技术有限公司', '软件科技有限公司', '网络科技有限公司', '数据科技有限公司'],
    business: ['企业管理软件开发', '系统集成与运维', '网站建设及推广'],
    domain: 'tech',
  },
  金融: {
    names: ['投资管理有限公司', '融资租赁有限公司', '保险代理有限公司'],
    business: ['设备融资租赁', '企业投资咨询', '保险代理服务'],
    domain: 'fin',
  },
  物流: {
    names: ['物流有限公司', '国际货运代理有限公司', '仓储服务有限公司'],
    business: ['公路货运', '仓储配送', '国际货运代理'],
    domain: 'logistics',
  },
  餐饮酒店: {
    names: ['餐饮管理有限公司', '酒店管理有限公司', '食品有限公司'],
    business: ['连锁餐饮', '酒店经营管理', '团餐配送'],
    domain: 'food',
  },
  房地产: {
    names: ['房地产开发有限公司', '物业服务有限公司', '置业有限公司'],
    business: ['住宅开发', '物业管理', '商业地产租赁'],
    domain: 'estate',
  },
  能源: {
    names: ['能源科技有限公司', '新能源有限公司', '电力工程有限公司'],
    business: ['光伏电站建设', '节能设备销售', '电力工程安装'],
    domain: 'energy',
  },
  农业: {
    names: ['农业科技有限公司', '生态农业发展有限公司', '农产品有限公司'],
    business: ['蔬菜种植及配送', '农资销售', '农产品深加工'],
    domain: 'agri',
  },
}

/** For 其他 and for industries a user added to the dictionary. */
export const otherIndustry = {
  names: ['实业有限公司', '企业管理咨询有限公司', '广告有限公司'],
  business: ['企业管理咨询', '广告设计制作', '会展服务'],
  domain: 'group',
}

/** Offices of local government, the 政府 customers (named after their district). */
export const governmentOffices = [
  '教育局',
  '卫生健康局',
  '住房和城乡建设局',
  '市场监督管理局',
  '公共资源交易中心',
  '机关事务服务中心',
]

/** Province code prefix → weight (more customers where more business is), area code of the capital, postal prefix. */
export const provinceInfo: Record<string, { weight: number; areaCode: string; postal: string }> = {
  '11': { weight: 6, areaCode: '010', postal: '10' },
  '12': { weight: 3, areaCode: '022', postal: '30' },
  '13': { weight: 4, areaCode: '0311', postal: '05' },
  '14': { weight: 2, areaCode: '0351', postal: '03' },
  '15': { weight: 1, areaCode: '0471', postal: '01' },
  '21': { weight: 3, areaCode: '024', postal: '11' },
  '22': { weight: 1, areaCode: '0431', postal: '13' },
  '23': { weight: 1, areaCode: '0451', postal: '15' },
  '31': { weight: 7, areaCode: '021', postal: '20' },
  '32': { weight: 11, areaCode: '025', postal: '21' },
  '33': { weight: 10, areaCode: '0571', postal: '31' },
  '34': { weight: 4, areaCode: '0551', postal: '23' },
  '35': { weight: 5, areaCode: '0591', postal: '35' },
  '36': { weight: 2, areaCode: '0791', postal: '33' },
  '37': { weight: 8, areaCode: '0531', postal: '25' },
  '41': { weight: 5, areaCode: '0371', postal: '45' },
  '42': { weight: 4, areaCode: '027', postal: '43' },
  '43': { weight: 4, areaCode: '0731', postal: '41' },
  '44': { weight: 14, areaCode: '020', postal: '51' },
  '45': { weight: 2, areaCode: '0771', postal: '53' },
  '46': { weight: 1, areaCode: '0898', postal: '57' },
  '50': { weight: 3, areaCode: '023', postal: '40' },
  '51': { weight: 5, areaCode: '028', postal: '61' },
  '52': { weight: 1, areaCode: '0851', postal: '55' },
  '53': { weight: 2, areaCode: '0871', postal: '65' },
  '54': { weight: 0.2, areaCode: '0891', postal: '85' },
  '61': { weight: 3, areaCode: '029', postal: '71' },
  '62': { weight: 1, areaCode: '0931', postal: '73' },
  '63': { weight: 0.3, areaCode: '0971', postal: '81' },
  '64': { weight: 0.3, areaCode: '0951', postal: '75' },
  '65': { weight: 1, areaCode: '0991', postal: '83' },
}

/** Cities with an area code of their own (the others use their province capital's). */
export const cityAreaCodes: Record<string, string> = {
  深圳: '0755',
  东莞: '0769',
  佛山: '0757',
  珠海: '0756',
  中山: '0760',
  惠州: '0752',
  汕头: '0754',
  江门: '0750',
  苏州: '0512',
  无锡: '0510',
  常州: '0519',
  南通: '0513',
  徐州: '0516',
  扬州: '0514',
  宁波: '0574',
  温州: '0577',
  嘉兴: '0573',
  绍兴: '0575',
  金华: '0579',
  台州: '0576',
  湖州: '0572',
  青岛: '0532',
  烟台: '0535',
  潍坊: '0536',
  临沂: '0539',
  淄博: '0533',
  大连: '0411',
  厦门: '0592',
  泉州: '0595',
  漳州: '0596',
  唐山: '0315',
  保定: '0312',
  洛阳: '0379',
  宜昌: '0717',
  襄阳: '0710',
  芜湖: '0553',
  桂林: '0773',
  柳州: '0772',
  绵阳: '0816',
  包头: '0472',
  鄂尔多斯: '0477',
  大庆: '0459',
  赣州: '0797',
  九江: '0792',
}

export const mobilePrefixes = [
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'],
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159', '166'],
  ...['173', '175', '176', '177', '178', '180', '181', '182', '183', '184'],
  ...['185', '186', '187', '188', '189', '191', '193', '195', '198', '199'],
]

export const roads = [
  '人民路',
  '中山路',
  '解放路',
  '建设路',
  '新华路',
  '长江路',
  '黄河路',
  '和平路',
  '科技路',
  '工业大道',
  '创业路',
  '滨江路',
  '环城路',
  '文化路',
  '高新大道',
  '学院路',
]
export const buildings = ['科技大厦', '国际商务中心', '创业园', '金融中心', '产业园', '写字楼', '商务大厦', '工业园']

export const banks = [
  '中国工商银行',
  '中国建设银行',
  '中国农业银行',
  '中国银行',
  '交通银行',
  '招商银行',
  '中信银行',
  '浦发银行',
  '兴业银行',
  '民生银行',
]

export const capitals = [
  '50万元',
  '100万元',
  '200万元',
  '300万元',
  '500万元',
  '800万元',
  '1000万元',
  '2000万元',
  '5000万元',
  '1亿元',
]

export const staffNames = ['张伟', '李娜', '王强', '刘洋', '陈静', '杨帆']

/** 产品 dictionary items created when there are none: [name, 产品类别]. */
export const demoProducts: [string, string][] = [
  ['智能考勤机', '硬件设备'],
  ['门禁一体机', '硬件设备'],
  ['打印耗材套装', '耗材'],
  ['A4 复印纸（箱）', '耗材'],
  ['客户管理软件（标准版）', '软件'],
  ['进销存软件（专业版）', '软件'],
  ['软件升级服务', '服务'],
  ['年度技术服务', '服务'],
  ['上门安装调试', '服务'],
]

/** 参考单价 (元) and the usual 数量 of one order, for demo sales; a product not listed gets made-up ones. */
export const productPrices: Record<string, { price: number; minQty: number; maxQty: number }> = {
  智能考勤机: { price: 1280, minQty: 1, maxQty: 6 },
  门禁一体机: { price: 2680, minQty: 1, maxQty: 4 },
  打印耗材套装: { price: 168, minQty: 2, maxQty: 30 },
  'A4 复印纸（箱）': { price: 128.5, minQty: 5, maxQty: 60 },
  '客户管理软件（标准版）': { price: 4800, minQty: 1, maxQty: 3 },
  '进销存软件（专业版）': { price: 9800, minQty: 1, maxQty: 2 },
  软件升级服务: { price: 1500, minQty: 1, maxQty: 2 },
  年度技术服务: { price: 6000, minQty: 1, maxQty: 1 },
  上门安装调试: { price: 300, minQty: 1, maxQty: 5 },
}

export const saleRemarks = [
  '含税价',
  '季度备货',
  '促销价',
  '老客户折扣',
  '补货',
  '年底集中采购',
  '分两批发货',
  '含运费',
]

/** 交往方式 → how often it is used, and what such a contact is about. */
export const interactionKinds: Record<string, { weight: number; subjects: string[] }> = {
  拜访: { weight: 15, subjects: ['上门拜访', '产品演示', '需求调研', '售后回访', '商务洽谈'] },
  电话: { weight: 30, subjects: ['电话回访', '报价沟通', '催款提醒', '使用情况了解', '新品介绍'] },
  微信: { weight: 25, subjects: ['发送产品资料', '报价确认', '节日问候', '到货确认', '活动通知'] },
  邮件: { weight: 10, subjects: ['发送报价单', '合同确认', '发票寄送通知', '方案书发送'] },
  短信: { weight: 5, subjects: ['节日问候', '发货通知', '生日祝福'] },
  会议: { weight: 5, subjects: ['项目启动会', '年度合作洽谈', '方案评审会'] },
  礼品: { weight: 5, subjects: ['中秋礼品', '春节礼品', '生日礼物'] },
  联谊活动: { weight: 3, subjects: ['客户答谢会', '行业交流会', '高尔夫球会'] },
}
export const otherInteractionSubjects = ['客户沟通', '跟进联系', '需求确认']

export const interactionContents = [
  '介绍了新款产品的功能和报价，对方表示需要内部讨论。',
  '了解近期使用情况，反馈总体满意，提出希望培训一次。',
  '沟通下季度采购计划，预计数量与去年持平。',
  '对方对价格比较敏感，希望再给些优惠。',
  '确认了上批货物已全部到货，无质量问题。',
  '对方负责人近期出差，约定下周再联系。',
  '送上节日问候，顺便提及年底的优惠活动。',
  '协助解决软件登录问题，远程处理完毕。',
  '对方正在比较几家供应商，我方服务响应是优势。',
  '商谈了付款方式，对方希望改为月结。',
  '了解到对方明年有扩建计划，可能增加设备采购。',
  '回访安装情况，设备运行正常。',
]

export const interactionResults = [
  '意向明确',
  '需要再跟进',
  '已报价，等待答复',
  '客户满意',
  '暂无需求',
  '已下单',
  '约定下次拜访',
  '问题已解决',
  '价格未谈妥',
]

export const demoGroups = ['重要客户', '集团客户', '朋友介绍', '长期合作', '展会客户', '待回访']

export const contactRoles: [department: string, title: string][] = [
  ['总经办', '总经理'],
  ['总经办', '副总经理'],
  ['采购部', '采购经理'],
  ['采购部', '采购专员'],
  ['财务部', '财务主管'],
  ['技术部', '技术总监'],
  ['行政部', '行政主管'],
  ['销售部', '销售经理'],
  ['生产部', '生产厂长'],
  ['办公室', '办公室主任'],
  ['信息部', '信息化主管'],
]

export const importantDateLabels = ['配偶生日', '子女生日', '结婚纪念日', '父亲生日', '母亲生日', '入职纪念日']

export const hobbies = [
  '钓鱼',
  '羽毛球',
  '登山',
  '摄影',
  '喝茶',
  '书法',
  '高尔夫',
  '跑步',
  '旅游',
  '象棋',
  '篮球',
  '阅读',
]
export const personalities = ['爽快', '稳重', '细致', '健谈', '谨慎', '热情', '务实', '直率']
export const educations = ['高中', '大专', '本科', '硕士', 'MBA']
export const callTimes = ['上午 9–11 点', '下午 2–5 点', '午休后', '工作日晚上', '周末上午']
export const speechStyles = ['语速快', '语速适中', '慢条斯理', '声音洪亮']
export const occupations = [
  '个体经营者',
  '教师',
  '医生',
  '律师',
  '设计师',
  '自由职业',
  '企业主',
  '工程师',
  '会计',
  '公务员',
]
export const consumptionViews = ['注重性价比', '追求品质', '重视品牌', '理性消费', '喜欢新品']
export const purchaseMotives = ['自用', '送礼', '家庭需要', '工作需要', '朋友推荐']
export const brandPreferences = ['国产品牌', '进口品牌', '无明显倾向']
export const familyIncomes = ['10万以下', '10–20万', '20–50万', '50万以上']
export const contactRemarks = ['喜欢直接沟通', '逢年过节需问候', '关注售后响应', '对价格敏感', '决策需请示老板']
export const customerRemarks = ['年底有采购计划', '需定期回访', '对比了三家供应商', '老客户介绍', '关注交货期']
